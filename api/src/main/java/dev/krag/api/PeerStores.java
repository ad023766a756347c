package dev.krag.api;

import dev.krag.schemas.AvroJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The stores of the other instances, read through their internal endpoint ({@link StoresService}):
 * a key another instance owns is fetched from it. An instance that does not answer is "not now"
 * (503), never "not there".
 */
final class PeerStores {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final int RETRY_AFTER_SECONDS = 2;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String adminKey;

  /** {@code adminKey}: this instance's own, which every instance takes, as they share the key store. */
  PeerStores(String adminKey) {
    this.adminKey = adminKey;
  }

  <V extends SpecificRecord> Lookup<V> get(HostInfo peer, String store, String key, Class<V> type) {
    HttpResponse<byte[]> response;
    try {
      response = fetch(peer, StoresService.PATH + "/" + store + "/" + key);
    } catch (IOException e) {
      return notNow(peer, e.toString());
    }
    try {
      return switch (response.statusCode()) {
        case 200 -> new Lookup.Found<>(AvroJson.read(response.body(), type));
        case 404 -> new Lookup.Missing<>();
        default -> notNow(peer, "status " + response.statusCode());
      };
    } catch (IOException e) {
      return notNow(peer, "an unreadable answer: " + e.getMessage());
    }
  }

  /** Every value of the store the peer holds, as a JSON text sequence. */
  <V extends SpecificRecord> Lookup<List<V>> all(HostInfo peer, String store, Class<V> type) {
    try {
      HttpResponse<byte[]> response = fetch(peer, StoresService.PATH + "/" + store);
      if (response.statusCode() != 200) {
        return notNow(peer, "status " + response.statusCode());
      }
      List<V> values = new ArrayList<>();
      for (String text : new String(response.body(), StandardCharsets.UTF_8).split(String.valueOf(StoresService.RECORD_SEPARATOR))) {
        if (!text.isBlank()) {
          values.add(AvroJson.read(text.getBytes(StandardCharsets.UTF_8), type));
        }
      }
      return new Lookup.Found<>(values);
    } catch (IOException e) {
      return notNow(peer, e.toString());
    }
  }

  private HttpResponse<byte[]> fetch(HostInfo peer, String path) throws IOException {
    URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + path);
    try {
      return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(Authenticator.API_KEY_HEADER, adminKey).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking " + uri, e);
    }
  }

  private static <T> Lookup<T> notNow(HostInfo peer, String why) {
    return new Lookup.Unavailable<>(RETRY_AFTER_SECONDS, "the instance at " + peer + " did not answer: " + why);
  }
}
