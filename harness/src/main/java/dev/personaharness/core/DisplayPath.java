package dev.personaharness.core;

import java.nio.file.Path;

/** How paths are shown to users: relative to the working directory when inside it. */
public final class DisplayPath {
  private DisplayPath() {}

  public static String of(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path shown = abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs) : abs;
    return shown.toString().replace('\\', '/');
  }
}
