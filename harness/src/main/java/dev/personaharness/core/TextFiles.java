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
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        // a FIFO or a device (/dev/zero) would block or never end
        throw fail(shown, "not a regular file; give a text file");
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw fail(shown, "file is " + size + " bytes, over the " + MAX_BYTES
            + "-byte limit for personas, suites and attachments; make it smaller");
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
      throw fail(shown, "file is " + bytes.length + " bytes, over the " + MAX_BYTES
          + "-byte limit for personas, suites and attachments; make it smaller");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
    java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, out, true);
    if (result.isError()) {
      throw new ConfigException(java.util.List.of(notUtf8(shown, bytes, in.position(), out)));
    }
    return out.flip().toString();
  }

  /** Where the first undecodable byte is: its line, and its column in characters decoded so far. */
  private static Diagnostic notUtf8(String shown, byte[] bytes, int offset, java.nio.CharBuffer decoded) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < decoded.position(); i++) {
      char c = decoded.get(i);
      // a lone CR ends a line too, as the loaders read it
      if (c == '\n' || (c == '\r' && (i + 1 >= decoded.position() || decoded.get(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    int bom = lineStart == 0 && decoded.position() > 0 && decoded.get(0) == '\uFEFF' ? 1 : 0;
    return Diagnostic.error(shown, line, decoded.position() - lineStart + 1 - bom, String.format(java.util.Locale.ROOT,
        "file is not valid UTF-8 text (byte 0x%02X at offset %d); save it as UTF-8", bytes[offset] & 0xff, offset));
  }

  private static ConfigException fail(String shown, String message) {
    return new ConfigException(java.util.List.of(Diagnostic.error(shown, 0, 0, message)));
  }
}
