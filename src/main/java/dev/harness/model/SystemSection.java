package dev.harness.model;

import java.util.List;
import java.util.Map;

/**
 * One system's section of harness.yaml, found under the system's name: its own release catalog and the settings
 * only it knows. Text keys ({@code image}, {@code binaries.15.10}) are the YAML paths below the section, so
 * {@code --set <system>.<key>=value}, the plan's settings and the loader share one rule per section.
 */
public interface SystemSection {
    /** The catalog, oldest first; empty means the top-level {@code versions}. */
    List<Version> versions();

    /** The system's {@code current}; null means the top-level one. */
    Version current();

    /** The keys {@link #with} accepts; a trailing {@code .<name>} stands for any name. */
    List<String> keys();

    /** This section with one key set from its text; an {@link IllegalArgumentException} says what is wrong. */
    SystemSection with(String key, String value);

    /** The settings a run uses (images, binaries, parameters), key -> text as {@link #with} reads them back. */
    Map<String, String> runSettings();

    /** The images this section names (patterns with {@code {version}} or fixed names), for their pull policy. */
    List<String> images();

    /** never | missing | always, for {@link #images()}; null when unset. */
    String imagePolicy();

    /** Whether {@code key} is one of {@link #keys()}. */
    default boolean accepts(String key) {
        for (String k : keys()) {
            if (k.equals(key)) return true;
            if (k.endsWith(".<name>") || k.endsWith(".<version>")) {
                String prefix = k.substring(0, k.lastIndexOf('.') + 1);
                if (key.startsWith(prefix) && key.length() > prefix.length()) return true;
            }
        }
        return false;
    }
}
