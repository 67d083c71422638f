package dev.harness.load;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars like YAML 1.2's core schema instead of YAML 1.1: only true/false are booleans
 * ({@code yes}, {@code no}, {@code on}, {@code off} stay strings), no sexagesimals, timestamps or merge keys.
 * Numbers are still tagged as numbers, but the loader keeps their source text, so {@code 15.10} is never 15.1.
 */
final class Yaml12Resolver extends Resolver {
    static final Pattern BOOL12 = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    static final Pattern NULL12 = Pattern.compile("^(?:~|null|Null|NULL|)$");
    static final Pattern INT12 = Pattern.compile("^[-+]?[0-9]+$");
    static final Pattern FLOAT12 = Pattern.compile("^[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?[eE][-+]?[0-9]+)$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOL12, "tTfF");
        addImplicitResolver(Tag.INT, INT12, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, FLOAT12, "-+0123456789.");
        // "\0" stands for the empty plain scalar (a key with no value): null as well. A resolver for any first
        // character (null) would run its pattern on every value read.
        addImplicitResolver(Tag.NULL, NULL12, "~nN\0");
    }
}
