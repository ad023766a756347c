import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-loop load at a fixed rate: a request is sent on its schedule whether or not the ones before
 * it have been answered, so a slow answer cannot hide the requests it delays. Prints the median
 * and 99th percentile in milliseconds and the failures, on one line.
 *
 *   java bench/Latency.java URL API_KEY REQUESTS_PER_SECOND SECONDS
 */
public class Latency {

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    String key = args[1];
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(uri).header("X-API-Key", key).timeout(Duration.ofSeconds(10)).build();
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    for (long i = 0; i < (long) rate * seconds; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      long sent = System.nanoTime();
      pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
        if (error != null || response.statusCode() != 200) {
          failed.incrementAndGet();
        } else {
          nanos.add(System.nanoTime() - sent);
        }
      }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    System.out.printf(Locale.ROOT, "%.2f %.2f %d %d%n", percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.size(), failed.get());
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
  }
}
