package dev.krag.deploy.cli;

import dev.krag.deploy.AdminKey;
import dev.krag.deploy.KragConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * Reads the command line and runs one command. Mistakes in what the person typed or gave (a missing
 * file, an empty story) are one line and exit code 2; a run that fails is exit code 1, and one
 * stopped by its budget ({@code KRAG_MAX_COST_USD}) exit code 3.
 */
public final class Cli {

  static final String USAGE = """
      usage: krag run FILE [--out DIR] [--json] [--target-duration SECONDS]
                                                     a story to a narrated MP4 in DIR/outputs/<runId>/final.mp4
             krag serve [--out DIR]                 the platform and its API until stopped, printing where each part answers
             krag parse FILE [--json]               the scene graph of a story
             krag graph RUN_ID [--out DIR] [--json] what the knowledge graph holds of a run
             krag admin-key                         a new admin API key, for a cluster's secret (KRAG_ADMIN_KEY_FILE)""";

  private final Function<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  public Cli(Function<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  public int execute(String[] args) {
    try {
      Arguments a = Arguments.parse(args);
      Path outDir = a.out() != null ? Path.of(a.out()) : KragConfig.outDir(env);
      Logs.configure(outDir, KragConfig.logFormat(env)); // before anything logs: Avro and Kafka classes log as they load
      KragConfig config = KragConfig.from(env).withOutDir(outDir).withTargetDuration(a.targetDuration());
      return switch (a.command()) {
        case "run" -> RunCommand.run(Path.of(a.file()), a.json(), config, out, err);
        case "serve" -> ServeCommand.run(config, err);
        case "parse" -> ParseCommand.run(Path.of(a.file()), a.json(), config, out);
        case "graph" -> GraphCommand.run(a.file(), a.json(), config, out);
        case "admin-key" -> {
          out.println(AdminKey.newToken());
          yield 0;
        }
        default -> throw new UsageException("unknown command '" + a.command() + "'\n" + USAGE);
      };
    } catch (UsageException e) {
      err.println("krag: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("krag: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      LoggerFactory.getLogger(Cli.class).error("krag {} failed", String.join(" ", args), e);
      err.println("krag: failed: " + e + " (details in the log under the output folder's logs/)");
      return 1;
    }
  }

  /** The words of a command line. */
  record Arguments(String command, String file, String out, boolean json, Double targetDuration) {
    static Arguments parse(String[] args) throws UsageException {
      List<String> positional = new ArrayList<>();
      String outDir = null;
      boolean json = false;
      Double targetDuration = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--json" -> json = true;
          case "--out" -> {
            if (i + 1 >= args.length) {
              throw new UsageException("--out needs a folder");
            }
            outDir = args[++i];
          }
          case "--target-duration" -> {
            if (i + 1 >= args.length) {
              throw new UsageException("--target-duration needs a number of seconds");
            }
            targetDuration = seconds(args[++i]);
          }
          case "-h", "--help" -> throw new UsageException(USAGE);
          default -> {
            if (args[i].startsWith("--")) {
              throw new UsageException("unknown option " + args[i] + "\n" + USAGE);
            }
            positional.add(args[i]);
          }
        }
      }
      if (positional.size() == 1 && (positional.getFirst().equals("serve") || positional.getFirst().equals("admin-key"))) {
        return new Arguments(positional.getFirst(), null, outDir, json, targetDuration);
      }
      if (positional.size() != 2) {
        throw new UsageException(positional.isEmpty() ? USAGE : "expected a command and one argument\n" + USAGE);
      }
      return new Arguments(positional.get(0), positional.get(1), outDir, json, targetDuration);
    }

    private static double seconds(String text) throws UsageException {
      try {
        double seconds = Double.parseDouble(text);
        if (seconds >= 5 && seconds <= 36_000) {
          return seconds;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new UsageException("--target-duration takes seconds from 5 to 36000, not '" + text + "'");
    }
  }
}
