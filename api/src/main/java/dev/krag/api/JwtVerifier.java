package dev.krag.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.schemas.Role;
import io.helidon.http.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a JWT bearer token (RFC 7519, compact form) and says whom it speaks for. Only the
 * algorithms configured are taken (HS256 with a shared secret, RS256 with a public key), never
 * "none" and never one the header picks; the issuer, audience, expiry and not-before are checked.
 * The principal is {@code sub}; the role is the {@code role} claim, viewer when absent.
 */
public final class JwtVerifier {

  /** Clocks of issuer and server may differ by this much. */
  static final Duration LEEWAY = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JwtSettings settings;
  private final Optional<PublicKey> rs256;
  private final Clock clock;

  /**
   * What tokens this server takes.
   *
   * @param hs256Secret the shared secret of HS256 tokens, at least 32 bytes; empty: none taken
   * @param rs256PublicKey the issuer's RSA public key, PEM (X.509 SubjectPublicKeyInfo); empty: none taken
   */
  public record JwtSettings(String issuer, String audience, Optional<String> hs256Secret, Optional<String> rs256PublicKey) {
    public JwtSettings {
      if (hs256Secret.isPresent() && hs256Secret.get().getBytes(StandardCharsets.UTF_8).length < 32) {
        throw new IllegalArgumentException("an HS256 secret is at least 32 bytes");
      }
    }
  }

  public JwtVerifier(JwtSettings settings) {
    this(settings, Clock.systemUTC());
  }

  JwtVerifier(JwtSettings settings, Clock clock) {
    this.settings = settings;
    this.rs256 = settings.rs256PublicKey().map(JwtVerifier::publicKey);
    this.clock = clock;
  }

  Principal verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw refused("not a JWT: a token has three dot-separated parts");
    }
    JsonNode header = json(parts[0]);
    JsonNode claims = json(parts[1]);
    byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    byte[] signature = decode(parts[2]);
    String alg = header.path("alg").asText();
    boolean valid = switch (alg) {
      case "HS256" -> settings.hs256Secret().map(secret -> hmacMatches(secret, signed, signature))
          .orElseThrow(() -> refused("this server takes no HS256 tokens"));
      case "RS256" -> rs256.map(key -> rsaMatches(key, signed, signature)).orElseThrow(() -> refused("this server takes no RS256 tokens"));
      default -> throw refused("the token's algorithm " + alg + " is not taken; HS256 or RS256 are");
    };
    if (!valid) {
      throw refused("the token's signature does not match");
    }
    checkClaims(claims);
    return new Principal(claims.get("sub").asText(), role(claims.path("role").asText("viewer")));
  }

  private void checkClaims(JsonNode claims) {
    long now = clock.instant().getEpochSecond();
    if (!claims.path("exp").isNumber()) {
      throw refused("the token has no expiry (exp)");
    }
    if (now > claims.get("exp").asLong() + LEEWAY.toSeconds()) {
      throw refused("the token expired");
    }
    if (claims.path("nbf").isNumber() && now < claims.get("nbf").asLong() - LEEWAY.toSeconds()) {
      throw refused("the token is not valid yet");
    }
    if (!settings.issuer().equals(claims.path("iss").asText())) {
      throw refused("the token's issuer is not " + settings.issuer());
    }
    if (!audiences(claims.path("aud")).contains(settings.audience())) {
      throw refused("the token is not for audience " + settings.audience());
    }
    if (claims.path("sub").asText().isBlank()) {
      throw refused("the token names no subject (sub)");
    }
  }

  /** {@code aud} is one string or an array of them. */
  private static List<String> audiences(JsonNode aud) {
    List<String> all = new ArrayList<>();
    if (aud.isArray()) {
      aud.forEach(a -> all.add(a.asText()));
    } else {
      all.add(aud.asText());
    }
    return all;
  }

  private static Role role(String claim) {
    try {
      return Role.valueOf(claim.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw refused("the token's role " + claim + " is not viewer, editor or admin");
    }
  }

  private static boolean hmacMatches(String secret, byte[] signed, byte[] signature) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return MessageDigest.isEqual(mac.doFinal(signed), signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  private static boolean rsaMatches(PublicKey key, byte[] signed, byte[] signature) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update(signed);
      return rsa.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static PublicKey publicKey(String pem) {
    String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the RS256 public key is not an RSA public key in PEM: " + e.getMessage(), e);
    }
  }

  private static JsonNode json(String part) {
    try {
      JsonNode node = JSON.readTree(decode(part));
      if (node == null || !node.isObject()) {
        throw refused("a part of the token is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw refused("a part of the token is not JSON");
    }
  }

  private static byte[] decode(String part) {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw refused("a part of the token is not base64url");
    }
  }

  static ApiException refused(String why) {
    return new ApiException(Status.UNAUTHORIZED_401, "unauthenticated", why);
  }
}
