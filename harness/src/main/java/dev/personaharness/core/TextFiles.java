package dev.personaharness.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads user files as strict UTF-8 with a size cap, turning every failure into a diagnostic. */
public final class TextFiles {
  /** Larger persona, suite or attachment files are refused: they are mistakes, not inputs. */
  public static final long MAX_BYTES = 4L * 1024 * 1024;

  private TextFiles() {}

  public static String read(Path file) {
    String shown = DisplayPath.of(file);
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw fail(shown, "file is " + size + " bytes, over the " + MAX_BYTES + "-byte limit for inputs");
      }
      return decode(Files.readAllBytes(file), shown);
    } catch (NoSuchFileException e) {
      throw fail(shown, "file not found");
    } catch (IOException e) {
      throw fail(shown, "cannot read file: " + e.getMessage());
    }
  }

  /** Decodes bytes read elsewhere (a file at a git revision, say) by the same rules; {@code shown} names them. */
  public static String decode(byte[] bytes, String shown) {
    if (bytes.length > MAX_BYTES) {
      throw fail(shown, "file is " + bytes.length + " bytes, over the " + MAX_BYTES + "-byte limit for inputs");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
    java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new ConfigException(java.util.List.of(Diagnostic.error(shown, line, 0,
          "file is not valid UTF-8 text (bad byte at offset " + in.position() + "); save it as UTF-8")));
    }
    return out.flip().toString();
  }

  private static ConfigException fail(String shown, String message) {
    return new ConfigException(java.util.List.of(Diagnostic.error(shown, 0, 0, message)));
  }
}
