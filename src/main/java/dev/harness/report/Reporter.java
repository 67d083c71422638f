package dev.harness.report;

import dev.harness.model.RunResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes one artifact of a finished (or interrupted) run into its report folder. */
public interface Reporter {
    /** The file name inside the report folder, e.g. {@code junit.xml}. */
    String fileName();

    /** Renders the artifact; {@code reportDir} is where it and the logs it refers to live. */
    void write(RunResult result, Path reportDir, Writer out) throws IOException;

    /**
     * Writes the artifact into {@code reportDir} (created if missing) and returns the file written. The file
     * appears whole or not at all: it is written beside under a temporary name and renamed, so a full disk
     * never leaves a truncated junit.xml that CI would misread.
     *
     * @throws IOException {@code cannot write <file>: <reason>}, one line
     */
    default Path write(RunResult result, Path reportDir) throws IOException {
        Path file = reportDir.resolve(fileName());
        Path partial = reportDir.resolve("." + fileName() + ".partial");
        try {
            Files.createDirectories(reportDir);
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                write(result, reportDir, out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            IOException io = ioCause(e);
            throw new IOException("cannot write " + file + ": " + (io != null ? reason(io) : "internal error: " + e), e);
        }
    }

    /** The I/O failure behind {@code e}: template engines wrap the writer's exceptions in their own. */
    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) return io;
        }
        return null;
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // the folder refuses writes altogether; the reason is already being reported
        }
    }

    /** Java's file exceptions carry the path as their message; say what went wrong instead (the file is named already). */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason()
                    : fs instanceof AccessDeniedException ? "Permission denied"
                    : fs instanceof NoSuchFileException ? "No such file or directory"
                    : fs instanceof DirectoryNotEmptyException ? "Directory not empty"
                    : fs instanceof NotDirectoryException ? "Not a directory"
                    : fs.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
