package dev.personaharness.persona;

import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Reads a file as it was at a git revision, through the {@code git} command. */
final class GitRevisions {
  private GitRevisions() {}

  /** The bytes of {@code file} at {@code rev}; {@code shown} names the file in messages. */
  static byte[] read(Path file, String rev, String shown) {
    if (rev.isBlank() || rev.startsWith("-")) {
      throw fail(shown, "'" + rev + "' is not a git revision; write FILE@REV, e.g. agents/x.md@main or agents/x.md@HEAD~1");
    }
    Path abs = file.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
      throw fail(shown, "folder " + dir + " does not exist, so there is no git repository to read " + rev + " from");
    }
    Result inside = git(dir, "rev-parse", "--is-inside-work-tree");
    if (inside.code != 0) {
      throw fail(shown, "not inside a git repository (" + inside.error() + "); @REV reads the file from git history");
    }
    Result commit = git(dir, "rev-parse", "--verify", "--quiet", rev + "^{commit}");
    if (commit.code != 0) {
      throw fail(shown, "unknown git revision '" + rev + "'; name a branch, tag, commit or HEAD~N");
    }
    String spec = commit.text().strip() + ":./" + abs.getFileName();
    Result blob = git(dir, "cat-file", "blob", spec);
    if (blob.code != 0) {
      throw fail(shown, "the file does not exist at revision '" + rev + "' (" + commit.text().strip().substring(0, 12) + ")");
    }
    return blob.out;
  }

  private record Result(int code, byte[] out, byte[] err) {
    String text() {
      return new String(out, StandardCharsets.UTF_8);
    }

    String error() {
      String e = new String(err, StandardCharsets.UTF_8).strip();
      int nl = e.indexOf('\n');
      return nl < 0 ? e : e.substring(0, nl);
    }
  }

  private static Result git(Path dir, String... args) {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).start();
      p.getOutputStream().close();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new ConfigException("git " + args[0] + " did not finish within 30 s in " + dir);
      }
      return new Result(p.exitValue(), out, err.join());
    } catch (IOException e) {
      throw new ConfigException("cannot run git (" + e.getMessage() + "); @REV needs git on the PATH");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfigException("interrupted while running git");
    }
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static ConfigException fail(String shown, String message) {
    return new ConfigException(List.of(Diagnostic.error(shown, 0, 0, message)));
  }
}
