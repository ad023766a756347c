package dev.krag.deploy;

import dev.krag.deploy.cli.Cli;

/** The {@code krag} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(new Cli(System.getenv()::get, System.out, System.err).execute(args));
  }
}
