package dev.harness.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which paths {@link ServiceRuntime#copyVolume} leaves out, defined once for every runtime. Each exclude is a glob over
 * the '/'-separated path relative to the volume root: {@code *} and {@code ?} stay within one path segment,
 * {@code **} crosses segments, {@code [abc]}/{@code [!a-z]} are character classes and {@code {a,b}} alternatives.
 * A matching folder is left out with its contents; {@code pg_wal/*} keeps the folder but none of its contents.
 *
 * <p>The globs are compiled to one regular expression written in the common subset of Java regex and POSIX ERE,
 * so the process runtime matches in Java and the Docker runtime hands the very same expression to
 * {@code find -regextype posix-extended} in a helper container. Glob syntax outside that subset (escapes, nested
 * braces, unusual characters in classes) is refused rather than matched differently by the two.
 */
public final class VolumeExcludes {
    private static final String ERE_SPECIAL_LITERALS = ".^$+()|";

    private final List<String> globs;
    private final String regex;
    private final Pattern pattern;

    private VolumeExcludes(List<String> globs, String regex) {
        this.globs = List.copyOf(globs);
        this.regex = regex;
        this.pattern = regex == null ? null : Pattern.compile(regex);
    }

    /** @throws IllegalArgumentException for a glob using syntax the runtimes cannot match identically */
    public static VolumeExcludes of(List<String> globs) {
        if (globs.isEmpty()) return new VolumeExcludes(globs, null);
        List<String> alternatives = new ArrayList<>();
        for (String g : globs) alternatives.add(toRegex(g));
        return new VolumeExcludes(globs, "(" + String.join("|", alternatives) + ")");
    }

    public List<String> globs() {
        return globs;
    }

    /** Whether the path relative to the volume root ('/'-separated, no leading "./") is left out. */
    public boolean excludes(String relativePath) {
        return pattern != null && !relativePath.isEmpty() && pattern.matcher(relativePath).matches();
    }

    /**
     * The expression for {@code find . -regextype posix-extended -regex}, which matches whole paths as find prints
     * them ({@code ./base/1}); null when nothing is excluded.
     */
    public String findRegex() {
        return regex == null ? null : "\\./" + regex;
    }

    static String toRegex(String glob) {
        if (glob.isEmpty() || glob.startsWith("/")) throw refused(glob, "must be a non-empty path relative to the volume root");
        StringBuilder out = new StringBuilder();
        boolean inBraces = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        out.append(".*");
                        i++;
                    } else {
                        out.append("[^/]*");
                    }
                }
                case '?' -> out.append("[^/]");
                case '[' -> i = appendClass(glob, i, out);
                case '{' -> {
                    if (inBraces) throw refused(glob, "nested braces");
                    inBraces = true;
                    out.append('(');
                }
                case ',' -> out.append(inBraces ? "|" : ",");
                case '}' -> {
                    if (!inBraces) throw refused(glob, "'}' without '{'");
                    inBraces = false;
                    out.append(')');
                }
                case '\\', ']' -> throw refused(glob, "'" + c + "' is not supported");
                default -> {
                    if (ERE_SPECIAL_LITERALS.indexOf(c) >= 0) out.append('\\');
                    out.append(c);
                }
            }
        }
        if (inBraces) throw refused(glob, "unclosed '{'");
        return out.toString();
    }

    /** Copies {@code [...]} (with {@code !} as negation); only letters, digits, '.', '_' and ranges inside. */
    private static int appendClass(String glob, int open, StringBuilder out) {
        int i = open + 1;
        out.append('[');
        if (i < glob.length() && glob.charAt(i) == '!') {
            out.append("^/"); // like '*' and '?', a class never matches the separator
            i++;
        }
        int first = i;
        for (; i < glob.length() && glob.charAt(i) != ']'; i++) {
            char c = glob.charAt(i);
            boolean range = c == '-' && i > first && i + 1 < glob.length() && glob.charAt(i + 1) != ']';
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '_' && !range) {
                throw refused(glob, "character class may hold only letters, digits, '.', '_' and ranges");
            }
            out.append(c);
        }
        if (i >= glob.length() || i == first) throw refused(glob, "unclosed or empty '['");
        out.append(']');
        return i;
    }

    private static IllegalArgumentException refused(String glob, String why) {
        return new IllegalArgumentException("volume exclude '" + glob + "': " + why);
    }
}
