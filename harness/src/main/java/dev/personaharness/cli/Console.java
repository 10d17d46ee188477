package dev.personaharness.cli;

/** Text bound for a terminal: control characters and escape sequences are made visible, not obeyed. */
final class Console {
  private Console() {}

  static String safe(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0))) {
        sb.appendCodePoint(c);
      } else {
        sb.append(String.format("\\u%04x", c));
      }
    });
    return sb.toString();
  }
}
