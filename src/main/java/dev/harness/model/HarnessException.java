package dev.harness.model;

import java.util.List;

/**
 * The typed errors of the harness. The CLI maps them to exit codes in one place; nothing else exits.
 */
public abstract sealed class HarnessException extends RuntimeException
        permits HarnessException.InvalidInput, HarnessException.Infrastructure {

    protected HarnessException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract int exitCode();

    /** Bad YAML, schema violations, compile errors, bad options: exit 2. Carries every problem found. */
    public static final class InvalidInput extends HarnessException {
        private final transient List<Problem> problems;

        public InvalidInput(List<Problem> problems) {
            super(render(problems), null);
            this.problems = List.copyOf(problems);
        }

        public InvalidInput(String message) {
            super(message, null);
            this.problems = List.of();
        }

        public List<Problem> problems() {
            return problems;
        }

        @Override
        public int exitCode() {
            return ExitCode.INVALID_INPUT;
        }

        private static String render(List<Problem> problems) {
            StringBuilder sb = new StringBuilder();
            for (Problem p : problems) {
                if (sb.length() > 0) sb.append('\n');
                sb.append(p);
            }
            return sb.toString();
        }
    }

    /**
     * Engine unreachable, image missing, server did not start or died: exit 3.
     * {@code service} names the service involved, or null.
     */
    public static final class Infrastructure extends HarnessException {
        private final String service;

        public Infrastructure(String service, String message, Throwable cause) {
            super(service == null ? message : service + ": " + message, cause);
            this.service = service;
        }

        public Infrastructure(String message) {
            this(null, message, null);
        }

        public String service() {
            return service;
        }

        @Override
        public int exitCode() {
            return ExitCode.INFRASTRUCTURE;
        }
    }
}
