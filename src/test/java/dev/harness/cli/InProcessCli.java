package dev.harness.cli;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** For tests that run the CLI in the test JVM: RunCommand's shutdown hook would halt that JVM, so it is off. */
final class InProcessCli implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        RunCommand.installShutdownHook = false;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RunCommand.installShutdownHook = true;
    }
}
