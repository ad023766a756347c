package dev.krag.deploy;

import dev.krag.api.ApiKeyToken;
import dev.krag.api.Commands;
import dev.krag.api.Lookup;
import dev.krag.api.RunQueries;
import dev.krag.schemas.ApiKey;
import dev.krag.schemas.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * The first admin's API key: made at first start and kept in a file only its owner can read, so
 * a new platform can be entered at all. A key the store has lost (a new cluster, the same folder)
 * is stored again; a revoked one stays revoked.
 */
public final class AdminKey {

  static final String PRINCIPAL = "admin";
  /** How long start-up waits for the key store to answer. */
  private static final Duration STORE_WAIT = Duration.ofSeconds(60);

  private AdminKey() {}

  /**
   * A new admin key, to be given to every API instance as a file ({@code KRAG_ADMIN_KEY_FILE}, a
   * cluster's secret): the first instance up stores it, so no instance makes one of its own.
   */
  public static String newToken() {
    return ApiKeyToken.issue(PRINCIPAL, Role.ADMIN, System.currentTimeMillis()).token().text();
  }

  /** The admin key in {@code file}, made if there is none. */
  public static ApiKeyToken ensure(Path file, Commands commands, RunQueries queries) throws IOException, InterruptedException {
    if (!Files.exists(file)) {
      ApiKeyToken.Issued issued = ApiKeyToken.issue(PRINCIPAL, Role.ADMIN, System.currentTimeMillis());
      commands.issue(issued.key());
      write(file, issued.token().text());
      return issued.token();
    }
    ApiKeyToken token = ApiKeyToken.parse(Files.readString(file))
        .orElseThrow(() -> new IllegalStateException(file + " does not hold a krag API key; delete it to have a new one made"));
    long deadline = System.nanoTime() + STORE_WAIT.toNanos();
    Lookup<ApiKey> stored = queries.apiKey(token.keyId());
    while (stored instanceof Lookup.Unavailable<ApiKey> && System.nanoTime() < deadline) {
      Thread.sleep(200);
      stored = queries.apiKey(token.keyId());
    }
    switch (stored) {
      case Lookup.Found<ApiKey> found -> { }
      case Lookup.Missing<ApiKey> missing -> commands.issue(token.keyFor(PRINCIPAL, Role.ADMIN, System.currentTimeMillis()));
      case Lookup.Unavailable<ApiKey> u -> throw new IllegalStateException("the API key store did not answer: " + u.reason());
    }
    return token;
  }

  private static void write(Path file, String key) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(partial, key + "\n");
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
