package dev.harness.runtime.process;

import dev.harness.runtime.VolumeExcludes;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a folder tree keeping what a server checks: permissions (PostgreSQL refuses a data folder that is not
 * 0700/0750), owners (the server runs as another user than the harness), times and symbolic links. Files may
 * vanish while a live server's folder is copied (temporary files); those are skipped, as pg_basebackup does.
 */
final class VolumeCopier {
    private VolumeCopier() {}

    /**
     * Replaces the contents of {@code target} with those of {@code source}, leaving out what {@link VolumeExcludes}
     * says (the same rules the Docker runtime applies).
     */
    static void copy(Path source, Path target, List<String> exclude) throws IOException {
        VolumeExcludes excludes = VolumeExcludes.of(exclude);
        Files.createDirectories(target);
        clear(target);
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path rel = source.relativize(dir);
                if (!rel.toString().isEmpty() && excludes.excludes(rel.toString())) return FileVisitResult.SKIP_SUBTREE;
                Path to = target.resolve(rel.toString());
                if (!Files.exists(to, LinkOption.NOFOLLOW_LINKS)) Files.createDirectory(to);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path rel = source.relativize(file);
                if (excludes.excludes(rel.toString()) || attrs.isOther()) return FileVisitResult.CONTINUE; // sockets, fifos
                Path to = target.resolve(rel.toString());
                try {
                    Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS,
                            StandardCopyOption.REPLACE_EXISTING);
                    copyOwner(file, to);
                } catch (NoSuchFileException vanished) {
                    // removed by the running server while copying: not part of a consistent backup anyway
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof NoSuchFileException)) throw exc;
                // Permissions last: a 0500 folder copied first could not be filled by a non-root harness.
                Path to = target.resolve(source.relativize(dir).toString());
                PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                Files.setPosixFilePermissions(to, view.readAttributes().permissions());
                copyOwner(dir, to);
                Files.setLastModifiedTime(to, view.readAttributes().lastModifiedTime());
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Owners can only be set by root; a non-root harness owns everything it copies anyway. */
    private static void copyOwner(Path from, Path to) throws IOException {
        if (RunUser.currentUid() != 0) return;
        Files.setAttribute(to, "unix:uid", Files.getAttribute(from, "unix:uid", LinkOption.NOFOLLOW_LINKS), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(to, "unix:gid", Files.getAttribute(from, "unix:gid", LinkOption.NOFOLLOW_LINKS), LinkOption.NOFOLLOW_LINKS);
    }

    /** Empties a folder, keeping the folder itself (its owner and mode stay as the runtime set them). */
    static void clear(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder)) Files.deleteIfExists(p);
            }
        }
    }

    static void makeWorldSearchable(Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
