package dev.krag.stages.llm;

/** A model's answer with what it cost to get: tokens both ways and the seconds waited. */
public record Completion(String text, long inputTokens, long outputTokens, double seconds) {}
