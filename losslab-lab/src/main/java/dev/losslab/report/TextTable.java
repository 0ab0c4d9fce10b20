package dev.losslab.report;

import java.util.List;

/** A plain-text table for the console: columns padded to their widest cell, numbers right-aligned. */
public final class TextTable {
  private TextTable() {}

  public static String render(List<String> header, List<List<String>> rows) {
    int n = header.size();
    int[] width = new int[n];
    for (int j = 0; j < n; j++) {
      width[j] = header.get(j).length();
      for (List<String> r : rows) {
        width[j] = Math.max(width[j], r.get(j).length());
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, header, width, false);
    for (int j = 0; j < n; j++) {
      b.append(j == 0 ? "" : "  ").append("-".repeat(width[j]));
    }
    b.append('\n');
    for (List<String> r : rows) {
      line(b, r, width, true);
    }
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells, int[] width, boolean alignNumbers) {
    for (int j = 0; j < width.length; j++) {
      String c = cells.get(j);
      String pad = " ".repeat(width[j] - c.length());
      b.append(j == 0 ? "" : "  ");
      if (alignNumbers && HtmlWriter.looksNumeric(c)) {
        b.append(pad).append(c);
      } else {
        b.append(c).append(j == width.length - 1 ? "" : pad);
      }
    }
    b.append('\n');
  }
}
