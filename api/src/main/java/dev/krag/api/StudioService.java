package dev.krag.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code /studio/}: the web page that steers runs, three files from the class path. The page itself
 * is public; everything it shows comes from the API with the key its user gives it.
 */
final class StudioService implements HttpService {

  static final String PATH = "/studio";
  /** The page's files and their types; nothing else is served from here. */
  private static final Map<String, String> FILES = Map.of(
      "index.html", "text/html; charset=utf-8",
      "studio.js", "text/javascript; charset=utf-8",
      "studio.css", "text/css; charset=utf-8");

  @Override
  public void routing(HttpRules rules) {
    rules.get("/", (req, res) -> send(res, "index.html")).get("/{file}", this::file);
  }

  private void file(ServerRequest req, ServerResponse res) throws IOException {
    String name = req.path().pathParameters().get("file");
    if (!FILES.containsKey(name)) {
      throw ApiException.notFound("file " + name + " in the studio");
    }
    send(res, name);
  }

  private static void send(ServerResponse res, String name) throws IOException {
    try (InputStream in = StudioService.class.getResourceAsStream("/studio/" + name)) {
      res.header(HeaderNames.CONTENT_TYPE, FILES.get(name)).header(HeaderNames.CACHE_CONTROL, "no-cache").send(in.readAllBytes());
    }
  }

  /** The bare path and the site's root lead to the page. */
  static void redirect(ServerResponse res) {
    res.status(Status.FOUND_302).header(HeaderNames.LOCATION, PATH + "/").send();
  }
}
