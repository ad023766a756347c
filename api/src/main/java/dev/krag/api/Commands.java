package dev.krag.api;

import dev.krag.schemas.ApiKey;
import dev.krag.schemas.Feedback;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.Story;

/** What the API asks of the platform: each is a record on its topic, sent before the API answers. */
public interface Commands {

  void post(Story story);

  void request(RunRequested run);

  void send(Feedback feedback);

  /** A new API key, or a revoked one (the same key with its revocation time). */
  void issue(ApiKey key);
}
