package dev.harness.runtime.process;

import dev.harness.model.HarnessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The unprivileged user local server processes run as when the harness itself runs as root (PostgreSQL's
 * initdb and postmaster refuse root). A dedicated {@code harness} user is used if the machine has one,
 * else {@code nobody}; the harness does not create users, so the host is left as it was.
 */
public record RunUser(String name, int uid, int gid) {

    private static final List<String> CANDIDATES = List.of("harness", "nobody");

    /** The user to switch to, or empty when the harness is not root (processes then run as the harness's user). */
    public static Optional<RunUser> whenRoot() {
        if (currentUid() != 0) return Optional.empty();
        List<String> passwd;
        try {
            passwd = Files.readAllLines(Path.of("/etc/passwd"));
        } catch (IOException e) {
            throw new HarnessException.Infrastructure(null, "cannot read /etc/passwd to find an unprivileged user", e);
        }
        for (String wanted : CANDIDATES) {
            for (String line : passwd) {
                String[] f = line.split(":");
                if (f.length > 3 && f[0].equals(wanted)) {
                    return Optional.of(new RunUser(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3])));
                }
            }
        }
        throw new HarnessException.Infrastructure(
                "running as root but no unprivileged user (" + String.join(" or ", CANDIDATES) + ") exists to run servers as");
    }

    /** The effective uid of this JVM: /proc/self resolves to this process's folder, which it owns. */
    static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    /**
     * argv that runs {@code argv} as this user. setpriv execs (no fork), so the pid the harness holds is the
     * server's own pid and a SIGKILL reaches the server itself.
     */
    public List<String> wrap(List<String> argv) {
        List<String> out = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--init-groups", "--"));
        out.addAll(argv);
        return out;
    }

    /** Gives a file or folder (not following links) to this user. */
    public void own(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Fails early, with a message that says what to do, when this user cannot reach {@code folder} (e.g. a run
     * folder under root's 0700 home): otherwise the server would die with a bare "permission denied".
     */
    public void checkReachable(Path folder, String service, String what) {
        Path p = folder.toAbsolutePath().normalize();
        for (Path dir = p; dir != null; dir = dir.getParent()) {
            try {
                PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class);
                int owner = (Integer) Files.getAttribute(dir, "unix:uid");
                boolean ok = owner == uid || a.permissions().contains(PosixFilePermission.OTHERS_EXECUTE);
                if (!ok) {
                    throw new HarnessException.Infrastructure(service, what + " " + p + " is not reachable by user '" + name
                            + "' (servers run as that user because the harness runs as root): " + dir
                            + " is not searchable by others; use a location outside it", null);
                }
            } catch (IOException e) {
                throw new HarnessException.Infrastructure(service, "cannot check access to " + dir, e);
            }
        }
    }
}
