package dev.krag.stages.knowledge;

import java.util.Map;

/** Node counts by label and relationship counts by type, for one run. */
public record GraphSummary(Map<String, Long> nodes, Map<String, Long> relationships) {}
