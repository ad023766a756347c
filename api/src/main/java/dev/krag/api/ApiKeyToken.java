package dev.krag.api;

import dev.krag.schemas.ApiKey;
import dev.krag.schemas.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key as its holder sends it, {@code krag_<keyId>_<secret>}: the id finds the stored key,
 * the secret is checked against its hash. The secret is 256 random bits, so a plain SHA-256 is
 * enough to store it (no password stretching is needed for what cannot be guessed).
 */
public record ApiKeyToken(String keyId, String secret) {

  private static final String PREFIX = "krag_";
  private static final Pattern FORM = Pattern.compile(PREFIX + "(key-[0-9a-f]{16})_([0-9a-f]{64})");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new key for {@code principal}: the token to hand over once, and the record to keep. */
  public static Issued issue(String principal, Role role, long now) {
    ApiKeyToken token = new ApiKeyToken("key-" + HexFormat.of().formatHex(random(8)), HexFormat.of().formatHex(random(32)));
    return new Issued(token, token.keyFor(principal, role, now));
  }

  /** The record that stores this token: its id and the hash of its secret. */
  public ApiKey keyFor(String principal, Role role, long now) {
    return ApiKey.newBuilder().setKeyId(keyId).setSecretHash(hash(secret)).setPrincipal(principal).setRole(role).setCreatedAt(now).build();
  }

  /** A key just made: the token (shown once) and the stored record. */
  public record Issued(ApiKeyToken token, ApiKey key) {}

  public static Optional<ApiKeyToken> parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    return m.matches() ? Optional.of(new ApiKeyToken(m.group(1), m.group(2))) : Optional.empty();
  }

  static boolean looksLikeOne(String text) {
    return text.startsWith(PREFIX);
  }

  /** Whether this token's secret is the one {@code key} was made with, compared in constant time. */
  boolean matches(ApiKey key) {
    return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII), key.getSecretHash().getBytes(StandardCharsets.US_ASCII));
  }

  /** The token as its holder sends it. */
  public String text() {
    return PREFIX + keyId + "_" + secret;
  }

  /** Without the secret, so a token that reaches a log gives nothing away. */
  @Override
  public String toString() {
    return PREFIX + keyId + "_…";
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return b;
  }
}
