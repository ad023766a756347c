package dev.krag.api;

import dev.krag.schemas.RunConfig;
import dev.krag.stages.store.AssetStore;

/**
 * What the API stands on: the stores it reads, the topics it writes, the news it passes on, the
 * bucket its films and frames come from, the settings a run gets unless it asks otherwise, the
 * largest story it takes, and its security: the tokens it trusts, its rate limit and its quotas.
 */
public record Backend(RunQueries queries, Commands commands, RunNews news, AssetStore media, RunConfig runDefaults, int maxStoryBytes,
    Security security) {}
