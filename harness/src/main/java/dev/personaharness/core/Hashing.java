package dev.personaharness.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers and the text normalization every content hash is taken over. */
public final class Hashing {
  private Hashing() {}

  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256(byte[] bytes) {
    return hex(newSha256().digest(bytes));
  }

  /** A fresh SHA-256 digest, for input fed in pieces. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Feeds {@code text} to {@code digest} as UTF-8, exactly the bytes of {@code text.getBytes(UTF_8)}
   * (an unpaired surrogate becomes {@code ?}), a chunk at a time: no copy of the whole text, and the
   * charset encoder's vectorized ASCII path instead of the per-character loop {@code getBytes}
   * takes for text that is not all Latin-1.
   */
  public static void updateUtf8(MessageDigest digest, String text) {
    if (text.length() <= CHUNK) {
      digest.update(text.getBytes(StandardCharsets.UTF_8));
      return;
    }
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    char[] chars = new char[CHUNK + 1];
    CharBuffer in = CharBuffer.wrap(chars);
    ByteBuffer out = ByteBuffer.allocate(3 * (CHUNK + 1));
    int carried = 0;
    for (int pos = 0; pos < text.length(); ) {
      int n = Math.min(CHUNK, text.length() - pos);
      text.getChars(pos, pos + n, chars, carried);
      pos += n;
      in.limit(carried + n).position(0);
      out.clear();
      encoder.encode(in, out, pos == text.length());
      // a high surrogate at the end of a chunk waits for its pair at the start of the next
      carried = in.remaining();
      if (carried > 0) {
        chars[0] = chars[in.position()];
      }
      digest.update(out.array(), 0, out.position());
    }
  }

  private static final int CHUNK = 8192;

  /** Lowercase hex, the form every hash is shown and stored in. */
  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  /**
   * The form a file is hashed and parsed in: no UTF-8 byte order mark, LF line endings. A file that
   * only changes line endings or gains a BOM in an editor keeps its identity.
   */
  public static String normalize(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return t.indexOf('\r') < 0 ? t : t.replace("\r\n", "\n").replace('\r', '\n');
  }
}
