package dev.harness.model;

/**
 * {@code {regex, replace}}: every match of {@code regex} in an actual value or error message is replaced
 * before comparison (testdrive's {@code $ set-regex match=… replacement=…}).
 */
public record Mask(String regex, String replace, SourceRef source) {}
