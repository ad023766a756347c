package dev.krag.stages.parse;

/**
 * One place a story refers to a character, filed under the name of the entity it was first seen
 * as ("the wolf", "Hansel").
 */
record Mention(String key, int start, int end) {}
