package dev.harness.load;

import dev.harness.model.HarnessException;
import dev.harness.model.Problem;
import dev.harness.model.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Reads an input file (a check, scenario, harness.yaml or plan.json) whole, refusing before it opens anything
 * what would hang (a FIFO, a device) or exhaust memory (a file above its size cap), and refusing text that is
 * not UTF-8 at the position of the first bad byte. Every refusal is an InvalidInput naming the file.
 */
public final class BoundedFile {
    public static final long MB = 1024 * 1024;

    private BoundedFile() {}

    /**
     * The file's text, a leading byte order mark dropped.
     *
     * @param name     how the file is shown in messages
     * @param maxBytes the size cap: larger files are refused at {@code name:1:1}
     */
    public static String readText(Path file, String name, long maxBytes) {
        byte[] bytes = readBytes(file, name, maxBytes);
        String text = decode(bytes, name);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static byte[] readBytes(Path file, String name, long maxBytes) {
        try {
            // the kind is read from the metadata: opening a FIFO would block until a writer comes
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) throw atStart(name, "cannot read file: it is a folder");
            if (!attributes.isRegularFile()) throw atStart(name, "cannot read file: not a regular file (a FIFO, device or socket)");
            if (attributes.size() > maxBytes) throw tooLarge(name, maxBytes, attributes.size());
            try (InputStream in = Files.newInputStream(file)) {
                // bounded even when the size was wrong (/proc files report 0) or the file grew meanwhile
                byte[] bytes = in.readNBytes((int) maxBytes + 1);
                if (bytes.length > maxBytes) throw tooLarge(name, maxBytes, -1);
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw atStart(name, "cannot read file: no such file");
        } catch (IOException e) {
            throw atStart(name, "cannot read file: " + reason(e));
        }
    }

    /** An IOException's reason in words, without the exception's class (the path is usually said already). */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Strict UTF-8; the first malformed byte is reported at its line and column. */
    private static String decode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError() && bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            throw atStart(name, "not UTF-8 text: the file starts with a UTF-16 byte order mark; save it as UTF-8");
        }
        if (result.isError()) {
            int bad = in.position(); // the decoder stops at the start of the malformed sequence
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            SourceRef where = TextPosition.of(name, before, before.length());
            throw new HarnessException.InvalidInput(List.of(new Problem(where, String.format(
                    "not UTF-8 text: byte 0x%02X cannot start or continue a character here; save the file as UTF-8", bytes[bad] & 0xff))));
        }
        out.flip();
        return out.toString();
    }

    private static HarnessException.InvalidInput tooLarge(String name, long maxBytes, long size) {
        String cap = maxBytes % MB == 0 ? maxBytes / MB + " MB" : maxBytes + " bytes";
        return atStart(name, "the file is larger than " + cap + (size < 0 ? "" : " (" + size + " bytes)")
                + "; the limit protects the harness's memory");
    }

    private static HarnessException.InvalidInput atStart(String name, String message) {
        return new HarnessException.InvalidInput(List.of(new Problem(SourceRef.of(name, 1, 1), message)));
    }
}
