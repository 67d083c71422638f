package dev.harness.report.console;

/** {@code --color=auto|always|never} ({@code --no-color} is {@code never}). */
public enum ColorChoice { AUTO, ALWAYS, NEVER }
