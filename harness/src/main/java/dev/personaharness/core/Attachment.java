package dev.personaharness.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A file inlined into a task's prompt: its path as written in the suite, fence language, text. A
 * value like a record (equal when path, language and text are); a class only so that it can keep
 * its text's UTF-8 bytes, encoded once at load: every case's prompt hash covers them, and encoding
 * a large attachment for each case would cost more than hashing it (docs/performance.md).
 */
public final class Attachment {
  private final String path;
  private final String language;
  private final String content;
  private final byte[] utf8;

  public Attachment(String path, String language, String content) {
    this.path = Objects.requireNonNull(path, "path");
    this.language = Objects.requireNonNull(language, "language");
    this.content = Objects.requireNonNull(content, "content");
    this.utf8 = content.getBytes(StandardCharsets.UTF_8);
  }

  public String path() {
    return path;
  }

  public String language() {
    return language;
  }

  public String content() {
    return content;
  }

  /** Feeds the content's UTF-8 bytes to {@code digest}. */
  public void updateDigest(MessageDigest digest) {
    digest.update(utf8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attachment a && path.equals(a.path) && language.equals(a.language) && content.equals(a.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, language, content);
  }

  @Override
  public String toString() {
    return "Attachment[path=" + path + ", language=" + language + ", " + content.length() + " chars]";
  }
}
