package dev.personaharness.cli;

import dev.personaharness.runner.Runner;
import java.io.PrintWriter;
import java.util.Locale;

/** The progress line during a run: rewritten in place on a terminal, a few lines otherwise. */
final class Progress {
  private final PrintWriter err;
  private final boolean quiet;
  private final boolean terminal = System.console() != null;
  private long lastPrinted = -1;
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
    long bucket = p.total() == 0 ? 0 : p.done() * 4 / p.total();
    if (terminal) {
      err.print("\r" + line(p));
      err.flush();
    } else if (bucket != lastPrinted || p.done() == p.total()) {
      lastPrinted = bucket;
      err.println(line(p));
    }
  }

  void done() {
    if (!quiet && terminal && last != null) {
      err.println();
    }
  }

  private static String line(Runner.Progress p) {
    double rate = p.elapsedSeconds() > 0 ? p.done() / p.elapsedSeconds() : 0;
    return String.format(Locale.ROOT, "%d/%d cases, %.0f/s, %d failed, %d errored", p.done(), p.total(), rate, p.failed(), p.errored());
  }
}
