package dev.personaharness.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/** Escaping and the page frame shared by the HTML reports; every text from a run goes through {@link #esc}. */
final class Html {
  private Html() {}

  /**
   * Escapes text for HTML element content and quoted attributes. Control characters (ANSI escapes,
   * NUL, ...) become their visible Unicode control pictures, so nothing in the text can act on the page.
   */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        case '\n', '\t' -> b.append((char) c);
        case 0x7f -> b.append('\u2421');
        default -> {
          if (c < 0x20) {
            b.append((char) (0x2400 + c));
          } else if (c <= 0xFFFF && Character.isSurrogate((char) c)) {
            b.append('\uFFFD');
          } else {
            b.appendCodePoint(c);
          }
        }
      }
    });
    return b.toString();
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  /**
   * A whole page: no network, no external resource; the Content-Security-Policy allows only this
   * page's own script (by hash) and inline styles, so text that escaped escaping still could not run.
   */
  static String page(String title, String css, String body, String script) {
    String csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '" + sha256(script) + "'";
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + esc(title) + "</title>\n<style>\n" + BASE_CSS + css + "</style>\n</head>\n<body>\n" + body
        + "<script>" + script + "</script>\n</body>\n</html>\n";
  }

  private static String sha256(String script) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String BASE_CSS = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1400px;padding:16px 24px;color:#1f2328;background:#fff}
      h1{font-size:22px;margin:4px 0 6px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
      .meta{color:#57606a}.attention{background:#fff8c5;border:1px solid #d4a72c;padding:8px 12px;border-radius:6px}
      table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
      th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
      svg text{font:12px system-ui,sans-serif;fill:#1f2328}svg .axis{stroke:#d0d7de}svg .muted{fill:#57606a}
      code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
      """;
}
