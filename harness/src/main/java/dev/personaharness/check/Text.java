package dev.personaharness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading answers: fenced code blocks, headings, and where a match stands. */
final class Text {
  private static final Pattern FENCE_OPEN = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([^\\s`{]*)[^`]*$");

  private Text() {}

  /** A fenced code block: its info-string language (lowercased, may be empty), body and first line. */
  record Block(String language, String body, int line) {}

  static List<Block> blocks(String answer) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = answer.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher open = FENCE_OPEN.matcher(lines[i]);
      if (!open.matches()) {
        continue;
      }
      String fence = open.group(1);
      String lang = open.group(2).toLowerCase(Locale.ROOT);
      StringBuilder body = new StringBuilder();
      int j = i + 1;
      while (j < lines.length && !isClose(lines[j], fence)) {
        body.append(lines[j]).append('\n');
        j++;
      }
      blocks.add(new Block(lang, body.toString(), i + 1));
      i = j;
    }
    return blocks;
  }

  private static boolean isClose(String line, String fence) {
    String t = line.strip();
    return t.length() >= fence.length() && t.chars().allMatch(c -> c == fence.charAt(0));
  }

  /** Markdown ATX headings outside code blocks. */
  static List<String> headings(String answer) {
    List<String> result = new ArrayList<>();
    String fence = null;
    for (String line : answer.split("\r?\n", -1)) {
      Matcher open = FENCE_OPEN.matcher(line);
      if (fence == null && open.matches()) {
        fence = open.group(1);
      } else if (fence != null) {
        if (isClose(line, fence)) {
          fence = null;
        }
      } else if (line.matches("^ {0,3}#{1,6}\\s+\\S.*")) {
        result.add(line.strip().replaceFirst("^#+\\s+", "").replaceFirst("\\s+#+$", ""));
      }
    }
    return result;
  }

  static int wordCount(String answer) {
    int n = 0;
    for (String token : answer.split("\\s+")) {
      if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
        n++;
      }
    }
    return n;
  }

  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** {@code line N: "…context…"} around a match, for evidence. */
  static String at(String text, int start, int end) {
    int from = Math.max(0, start - 30);
    int to = Math.min(text.length(), end + 30);
    String snippet = text.substring(from, to).replaceAll("\\s+", " ").strip();
    return "line " + lineOf(text, start) + ": \"" + (from > 0 ? "…" : "") + snippet + (to < text.length() ? "…" : "") + "\"";
  }

  /**
   * Case-insensitive index of {@code needle} in {@code haystack}, or -1. Compares char by char, so
   * offsets stay those of the original text (lowercasing a whole string can change its length).
   */
  static int find(String haystack, String needle, int from) {
    for (int i = Math.max(0, from); i + needle.length() <= haystack.length(); i++) {
      if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  static String quote(String s) {
    return "\"" + s + "\"";
  }
}
