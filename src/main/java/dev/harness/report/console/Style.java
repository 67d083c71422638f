package dev.harness.report.console;

import dev.harness.model.Status;

/** Status glyphs and ANSI colours; without colour the glyphs stay, so logs remain grep-able. */
final class Style {
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    Style(boolean colour) {
        this.colour = colour;
    }

    static String glyph(Status s) {
        return switch (s) {
            case PASSED -> "✔";
            case FAILED -> "✘";
            case ERROR -> "!";
            case SKIPPED -> "○";
        };
    }

    String status(Status s, String text) {
        return paint(switch (s) {
            case PASSED -> "32";
            case FAILED -> "31";
            case ERROR -> "35";
            case SKIPPED -> "90";
        }, text);
    }

    String dim(String text) {
        return paint("2", text);
    }

    String bold(String text) {
        return paint("1", text);
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
