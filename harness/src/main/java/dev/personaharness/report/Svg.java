package dev.personaharness.report;

import static dev.personaharness.report.Html.esc;

import dev.personaharness.stats.Interval;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Inline SVG charts: bars with 95% interval whiskers, grouped category bars, and score trends. */
final class Svg {
  static final String[] PALETTE = {"#0969da", "#bf3989", "#1a7f37", "#bc4c00", "#8250df", "#0a7ea4", "#cf222e", "#6e7781"};
  private static final int LABEL = 300;
  private static final int PLOT = 440;

  private Svg() {}

  static String color(int i) {
    return PALETTE[i % PALETTE.length];
  }

  /** One bar per row (score in [0, 1]) with its interval as a whisker; {@code null} intervals are drawn as "no score". */
  static String bars(String title, List<String> labels, List<Interval> values, List<Integer> colors) {
    int row = 26;
    int h = 30 + row * labels.size();
    StringBuilder s = open(LABEL + PLOT + 150, h, title);
    axis(s, 18, h - 4);
    for (int i = 0; i < labels.size(); i++) {
      int y = 22 + i * row;
      Interval v = values.get(i);
      s.append("<g><title>").append(esc(labels.get(i))).append(": ").append(esc(Reports.interval(v))).append("</title>");
      s.append(text(LABEL - 8, y + 13, "end", labels.get(i)));
      if (v == null) {
        s.append(text(LABEL + 4, y + 13, "start", "no scored task")).append("</g>\n");
        continue;
      }
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\" opacity=\"0.8\"/>",
          LABEL, y, x(v.mean()) - LABEL, color(colors.get(i))));
      if (v.low() != null) {
        double lo = x(Math.max(0, v.low()));
        double hi = x(Math.min(1, v.high()));
        s.append(String.format(Locale.ROOT, "<path d=\"M%.1f %d V%d M%.1f %d H%.1f M%.1f %d V%d\" stroke=\"#1f2328\" stroke-width=\"1.5\" fill=\"none\"/>",
            lo, y + 3, y + 13, lo, y + 8, hi, hi, y + 3, y + 13));
      }
      s.append(text(LABEL + PLOT + 8, y + 13, "start", Reports.interval(v))).append("</g>\n");
    }
    return s.append("</svg>\n").toString();
  }

  /** Rows of categories, each with one thin bar per series (persona), and a legend. */
  static String grouped(String title, List<String> rows, List<String> series, Map<String, Interval> values) {
    int bar = 9;
    int row = Math.max(22, bar * series.size() + 8);
    int legend = 18 * ((series.size() + 2) / 3);
    int top = 22 + legend;
    int h = top + 10 + row * rows.size();
    StringBuilder s = open(LABEL + PLOT + 150, h, title);
    for (int j = 0; j < series.size(); j++) {
      int lx = 10 + (j % 3) * 295;
      int ly = 4 + 18 * (j / 3);
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", lx, ly, color(j)));
      s.append(text(lx + 16, ly + 11, "start", series.get(j)));
    }
    axis(s, top, h - 4);
    for (int i = 0; i < rows.size(); i++) {
      int y = top + 6 + i * row;
      s.append(text(LABEL - 8, y + row / 2, "end", rows.get(i)));
      for (int j = 0; j < series.size(); j++) {
        Interval v = values.get(rows.get(i) + "\0" + series.get(j));
        if (v == null) {
          continue;
        }
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s · %s: %s</title></rect>",
            LABEL, y + j * bar, Math.max(1, x(v.mean()) - LABEL), bar - 2, color(j), esc(rows.get(i)), esc(series.get(j)),
            esc(Reports.interval(v))));
      }
    }
    return s.append("</svg>\n").toString();
  }

  /**
   * One line per series across points in time (x: index of the run); a missing value breaks the
   * line. The y axis starts at the nearest 5% below the lowest value (labelled), so nightly drifts
   * of a few points stay visible.
   */
  static String trend(String title, List<String> xLabels, List<String> series, Map<String, Double[]> values) {
    int w = 560;
    int left = 44;
    int right = 12;
    int plotW = w - left - right;
    int plotTop = 10;
    int plotH = 150;
    double min = values.values().stream().flatMap(java.util.Arrays::stream).filter(java.util.Objects::nonNull)
        .mapToDouble(Double::doubleValue).min().orElse(0);
    double lo = Math.max(0, Math.floor((min - 0.02) * 20) / 20);
    StringBuilder s = open(w + 20, plotTop + plotH + 40 + 18 * series.size(), title);
    for (int g = 0; g <= 4; g++) {
      double yy = plotTop + plotH - plotH * g / 4.0;
      s.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>", left, w - right, yy, yy));
      s.append(text(left - 4, (int) yy + 4, "end", String.format(Locale.ROOT, "%.0f%%", (lo + (1 - lo) * g / 4.0) * 100)));
    }
    int n = xLabels.size();
    for (int i = 0; i < n; i++) {
      double xx = left + (n == 1 ? plotW / 2.0 : plotW * i / (double) (n - 1));
      if (n <= 6 || i == 0 || i == n - 1 || i % Math.max(1, n / 5) == 0) {
        s.append(String.format(Locale.ROOT, "<text class=\"muted\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", xx,
            plotTop + plotH + 16, esc(xLabels.get(i))));
      }
    }
    for (int j = 0; j < series.size(); j++) {
      Double[] v = values.get(series.get(j));
      StringBuilder path = new StringBuilder();
      boolean pen = false;
      for (int i = 0; i < n; i++) {
        double xx = left + (n == 1 ? plotW / 2.0 : plotW * i / (double) (n - 1));
        if (v[i] == null) {
          pen = false;
          continue;
        }
        double yy = plotTop + plotH - plotH * (v[i] - lo) / (1 - lo);
        path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", xx, yy));
        pen = true;
        s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s · %s: %s</title></circle>",
            xx, yy, color(j), esc(series.get(j)), esc(xLabels.get(i)), Reports.percent(v[i])));
      }
      if (path.length() > 0) {
        s.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"").append(color(j))
            .append("\" stroke-width=\"2\"/>");
      }
      int ly = plotTop + plotH + 36 + 18 * j;
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", left, ly - 10, color(j)));
      s.append(text(left + 16, ly, "start", series.get(j)));
    }
    return s.append("</svg>\n").toString();
  }

  private static StringBuilder open(int w, int h, String title) {
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(w).append("\" height=\"").append(h)
        .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\"><title>").append(esc(title)).append("</title>\n");
    return s;
  }

  private static void axis(StringBuilder s, int top, int bottom) {
    for (int g = 0; g <= 4; g++) {
      double xx = LABEL + PLOT * g / 4.0;
      s.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>", xx, xx, top, bottom));
      s.append(String.format(Locale.ROOT, "<text class=\"muted\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d%%</text>", xx, top - 4, g * 25));
    }
  }

  private static double x(double v) {
    return LABEL + PLOT * Math.max(0, Math.min(1, v));
  }

  private static String text(int x, int y, String anchor, String t) {
    return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + esc(t) + "</text>";
  }
}
