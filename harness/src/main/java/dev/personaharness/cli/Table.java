package dev.personaharness.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the console, columns padded to their widest cell. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  Table(String... header) {
    this.columns = header.length;
    rows.add(header);
  }

  void row(String... cells) {
    String[] r = new String[columns];
    for (int i = 0; i < columns; i++) {
      // a line break inside a cell would break the row
      r[i] = i < cells.length ? Console.safe(cells[i]).replace('\n', ' ').replace('\t', ' ') : "";
    }
    rows.add(r);
  }

  String render() {
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < rows.size(); k++) {
      String[] r = rows.get(k);
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < columns; i++) {
        line.append(String.format("%-" + width[i] + "s", r[i])).append(i < columns - 1 ? "  " : "");
      }
      sb.append(line.toString().stripTrailing()).append('\n');
      if (k == 0) {
        StringBuilder rule = new StringBuilder("  ");
        for (int i = 0; i < columns; i++) {
          rule.append("-".repeat(width[i])).append(i < columns - 1 ? "  " : "");
        }
        sb.append(rule).append('\n');
      }
    }
    return sb.toString();
  }
}
