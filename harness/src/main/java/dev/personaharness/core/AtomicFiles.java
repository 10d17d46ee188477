package dev.personaharness.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes whole files atomically (temp file + rename), so a reader never sees half a file. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Temp files are created owner-only; a report is as readable as any file the user writes. */
  private static void readableByAll(Path tmp) throws IOException {
    if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  public static void write(Path file, String content) {
    write(file, out -> out.write(content));
  }

  /** What a streamed file holds, written to a writer: for content too large to build as one string. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /** Writes {@code content} as it streams it, atomically as {@link #write(Path, String)} does. */
  public static void write(Path file, Content content) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
      try {
        readableByAll(tmp);
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          content.writeTo(out);
        }
        try {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
