package dev.personaharness.core;

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
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
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
