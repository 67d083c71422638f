package dev.harness.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One in-process run of the real command line with everything it prints: picocli's writers and System.out/err
 * (the run command's console goes there), so nothing a user would see escapes the assertions.
 */
record CapturedRun(int exit, String out, String err) {
    static CapturedRun of(String... args) {
        return withEnv(System.getenv(), args);
    }

    /** @param env the environment the command line reads (CI variables, FORCE_COLOR), instead of the test JVM's */
    static synchronized CapturedRun withEnv(java.util.Map<String, String> env, String... args) {
        ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        // swapped before the command line exists: picocli replaces writers set later if System.err changed since
        System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
        try {
            CommandLine cl = Main.commandLine(env);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new CapturedRun(exit, out + systemOut.toString(StandardCharsets.UTF_8), err + systemErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
