package dev.krag.deploy.cli;

/** Bad input from the person at the keyboard: reported in one line, exit code 2, no stack trace. */
public final class UsageException extends Exception {

  public UsageException(String message) {
    super(message);
  }
}
