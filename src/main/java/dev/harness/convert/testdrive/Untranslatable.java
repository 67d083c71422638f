package dev.harness.convert.testdrive;

/** A command the harness has no form for; the message is the reason shown in the {@code # TODO} and on stderr. */
final class Untranslatable extends Exception {
    Untranslatable(String reason) {
        super(reason, null, false, false);
    }
}
