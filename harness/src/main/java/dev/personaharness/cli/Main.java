package dev.personaharness.cli;

import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Secrets;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code harness} command. Exit codes: 0 ok, 1 validation or gate failed, 2 usage or
 * configuration error, 3 internal error. User errors never print a stack trace.
 */
@Command(
    name = "harness",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Evaluates agent personas against task suites and compares the results.",
    subcommands = {
      ValidateCommand.class, ListCommand.class, PromptCommand.class, RunCommand.class, ReportCommand.class,
      RescoreCommand.class, CompareCommand.class, GateCommand.class, MergeCommand.class, HistoryCommand.class, ImportCommand.class,
      ExportCommand.class, CacheCommand.class, BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int INTERNAL = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'harness run' (see 'harness --help')");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err));
  }

  /** Runs the CLI in-process with the given writers; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> e instanceof ConfigException ? USAGE : INTERNAL);
    cli.setParameterExceptionHandler((e, a) -> {
      err.println(shown("harness: " + e.getMessage()));
      err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return USAGE;
    });
    cli.setExecutionExceptionHandler((e, c, parsed) -> {
      if (e instanceof ConfigException ce) {
        if (ce.diagnostics().isEmpty()) {
          err.println(shown("harness: error: " + ce.getMessage()));
        } else {
          ce.diagnostics().stream().map(d -> shown(d.format())).forEach(err::println);
        }
        return USAGE;
      }
      return internalError(e, err);
    });
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // errors escape picocli's handlers; they are still reported in one line, not as a stack trace
      code = internalError(e, err);
    }
    out.flush();
    err.flush();
    return code;
  }

  private static int internalError(Throwable e, PrintWriter err) {
    err.println(shown("harness: internal error: " + e + " (please report it; set HARNESS_DEBUG=1 for the stack trace)"));
    if (System.getenv("HARNESS_DEBUG") != null) {
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(shown(trace.toString()));
    }
    return INTERNAL;
  }

  /** An error line as a terminal may show it: no escape sequences, no credential from the environment. */
  private static String shown(String line) {
    return Console.safe(Secrets.redact(line, Secrets.fromEnvironment(System.getenv())));
  }
}
