package dev.personaharness.cli;

import dev.personaharness.core.ConfigException;
import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import java.util.List;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/** Run ids, the {@code reports/latest} link, and the git commit a run was made from. */
final class RunDirs {
  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunDirs() {}

  /** A sortable, unique id: UTC time plus random hex, so two runs started at once never collide. */
  static String newId() {
    byte[] b = new byte[3];
    RANDOM.nextBytes(b);
    return ZonedDateTime.now(ZoneOffset.UTC).format(ID) + "-" + HexFormat.of().formatHex(b);
  }

  /** Points {@code reports/latest} at a run, replacing the link atomically. */
  static void markLatest(Path reportsDir, Path runDir) {
    Path latest = reportsDir.resolve("latest");
    Path tmp = reportsDir.resolve(".latest-" + runDir.getFileName());
    try {
      Files.deleteIfExists(tmp);
      Files.createSymbolicLink(tmp, runDir.getFileName());
      try {
        Files.move(tmp, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, latest, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | UnsupportedOperationException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // best effort: the run itself is complete and reported by path
      }
    }
  }

  /** A run directory given by the user; must hold a run.json. */
  static Path existingRun(Path dir) {
    if (!Files.isRegularFile(dir.resolve("run.json"))) {
      throw new ConfigException(dir + " is not a run directory (no run.json); give a directory under reports/");
    }
    return dir;
  }

  /** {@code HEAD}'s commit, with {@code -dirty} when the tree has changes; null outside git. */
  static String gitCommit() {
    try {
      String head = git("rev-parse", "HEAD");
      if (head == null || head.isBlank()) {
        return null;
      }
      String status = git("status", "--porcelain", "--untracked-files=no");
      return head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
    } catch (IOException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return null;
    }
  }

  private static String git(String... args) throws IOException, InterruptedException {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return null;
    }
    return p.exitValue() == 0 ? out : null;
  }

  /** The persona of a run a command works on: the one given, or the run's only one. */
  static String persona(RunLog.View run, String given, String option) {
    List<String> ids = run.info().personas().stream().map(RunInfo.PersonaRef::id).toList();
    if (given != null) {
      given = dev.personaharness.persona.PersonaLoader.idOf(given);
      if (!ids.contains(given)) {
        throw new ConfigException("persona '" + given + "' is not in run " + run.info().id() + "; it has " + ids);
      }
      return given;
    }
    if (ids.size() != 1) {
      throw new ConfigException("run " + run.info().id() + " has " + ids.size() + " personas; choose one with " + option);
    }
    return ids.get(0);
  }
}
