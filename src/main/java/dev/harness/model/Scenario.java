package dev.harness.model;

import java.util.List;

/**
 * A scenario as written: a script of platform events and check phases.
 *
 * @param base version name the checks are gated on; null = the version of the first start
 */
public record Scenario(String name, String description, String base, List<Step> steps, SourceRef source) {}
