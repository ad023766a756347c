package dev.krag.stages.llm;

/** A provider refused or failed a call; {@code status} is the HTTP status, or 0 when none came back. */
public final class ProviderException extends RuntimeException {

  private final int status;

  public ProviderException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public ProviderException(int status, String message) {
    this(status, message, null);
  }

  public int status() {
    return status;
  }

  /** Worth another try: rate limited, timed out, or a server-side failure. */
  public boolean retriable() {
    return status == 0 || status == 408 || status == 409 || status == 429 || status >= 500;
  }
}
