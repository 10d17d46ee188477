package dev.personaharness.cli;

import dev.personaharness.runner.Runner;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress line during a run: a bar rewritten in place on a terminal; without one (CI), a
 * plain line every few seconds and at the end.
 */
final class Progress {
  private final PrintWriter err;
  private final boolean quiet;
  private final boolean terminal = System.console() != null;
  private long lastPrinted;
  private Runner.Progress last;

  Progress(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  void update(Runner.Progress p) {
    last = p;
    if (quiet) {
      return;
    }
    if (terminal) {
      err.print("\r" + bar(p) + " " + line(p) + "   ");
      err.flush();
    } else if (System.nanoTime() - lastPrinted > 5_000_000_000L || p.done() == p.total()) {
      lastPrinted = System.nanoTime();
      err.println(line(p));
    }
  }

  void done() {
    if (!quiet && terminal && last != null) {
      err.println();
    }
  }

  static String line(Runner.Progress p) {
    double rate = p.elapsedSeconds() > 0 ? p.done() / p.elapsedSeconds() : 0;
    double eta = p.etaSeconds();
    return String.format(Locale.ROOT, "%d/%d cases, %.1f/s, ETA %s, %d failed, %d errored, %d retries, %d tokens",
        p.done(), p.total(), rate, Double.isNaN(eta) ? "?" : Math.round(eta) + "s", p.failed(), p.errored(), p.retries(), p.tokens());
  }

  private static String bar(Runner.Progress p) {
    int width = 24;
    int filled = p.total() == 0 ? width : (int) (width * p.done() / p.total());
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
  }
}
