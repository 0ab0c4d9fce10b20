package dev.losslab.text.io;

import java.util.ArrayList;
import java.util.List;

/** Turning a label cell or folder name into labels fastText can hold. */
final class Labels {
  private Labels() {}

  /**
   * The labels in {@code cell}: split on {@code separator} (unless empty), each stripped, the prefix
   * removed if present, inner whitespace replaced by {@code _} (a fastText label is one token); empty
   * parts are skipped. Returns an empty list when nothing is left.
   */
  static List<String> parse(String cell, String separator, String prefix) {
    List<String> out = new ArrayList<>(1);
    if (separator.isEmpty()) {
      add(cell, prefix, out);
    } else {
      int from = 0;
      while (true) {
        int at = cell.indexOf(separator, from);
        add(at < 0 ? cell.substring(from) : cell.substring(from, at), prefix, out);
        if (at < 0) {
          break;
        }
        from = at + separator.length();
      }
    }
    return out;
  }

  private static void add(String part, String prefix, List<String> out) {
    String label = Document.normalizeSpace(part).replace(' ', '_');
    if (label.startsWith(prefix)) {
      label = label.substring(prefix.length());
    }
    if (!label.isEmpty()) {
      out.add(label);
    }
  }
}
