package dev.krag.stages.llm;

import java.net.URI;

/** A language model behind a provider's HTTP API: where the API is, the key, and the model asked for. */
abstract class HttpChatModel implements ChatModel {

  final URI baseUrl;
  final String apiKey;
  final HttpJson http;
  private final String model;

  /** @param baseUrl the API root, ending in a slash */
  HttpChatModel(URI baseUrl, String apiKey, String model, HttpJson http) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.model = model;
    this.http = http;
  }

  @Override
  public final String model() {
    return model;
  }
}
