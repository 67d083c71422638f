package dev.harness.runtime.docker;

import java.util.Locale;

/** When the runtime pulls an image: never (local only), when missing locally, or always before a start. */
public enum ImagePolicy {
    NEVER,
    MISSING,
    ALWAYS;

    public static ImagePolicy parse(String text) {
        if (text == null || text.isBlank()) return MISSING;
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("image-policy must be never, missing or always, not '" + text + "'");
        }
    }
}
