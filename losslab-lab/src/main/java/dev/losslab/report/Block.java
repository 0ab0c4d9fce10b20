package dev.losslab.report;

import java.util.List;
import java.util.Objects;

/** One piece of a report section: a paragraph, a figure or a table. */
public sealed interface Block permits Block.Paragraph, Block.Figure, Block.Table {

  /** Plain text (escaped when written; no markup). */
  record Paragraph(String text) implements Block {
    public Paragraph {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A figure (line or bar plot) written as {@code fig/<name>.png}.
   *
   * @param name the file stem: letters, digits, {@code -} and {@code _} only, unique in the report
   * @param plot what to draw
   * @param caption one sentence saying what the figure shows
   */
  record Figure(String name, Plot plot, String caption) implements Block {
    public Figure {
      Objects.requireNonNull(plot, "plot");
      Objects.requireNonNull(caption, "caption");
      if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException(
            "figure name (" + name + ") must be letters, digits, '-' or '_'");
      }
    }

    /** The figure's path relative to the report folder. */
    public String file() {
      return "fig/" + name + ".png";
    }
  }

  /**
   * A table of already formatted cells.
   *
   * @param caption what the table shows
   * @param header column names
   * @param rows cells, each row as long as the header
   */
  record Table(String caption, List<String> header, List<List<String>> rows) implements Block {
    public Table {
      Objects.requireNonNull(caption, "caption");
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).size() != header.size()) {
          throw new IllegalArgumentException(
              "table row " + i + " has " + rows.get(i).size() + " cells, header has " + header.size());
        }
      }
    }
  }
}
