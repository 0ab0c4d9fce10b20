package dev.losslab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A titled part of a report: its blocks in reading order.
 *
 * @param id anchor name (letters, digits, {@code -}), used for the table of contents
 * @param title the heading
 * @param blocks paragraphs, figures and tables
 */
public record Section(String id, String title, List<Block> blocks) {

  public Section {
    Objects.requireNonNull(title, "title");
    if (id == null || !id.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("section id (" + id + ") must be letters, digits or '-'");
    }
    blocks = List.copyOf(blocks);
  }

  /** A builder for a section with the given anchor and heading. */
  public static Builder builder(String id, String title) {
    return new Builder(id, title);
  }

  /** Collects the blocks of one section. */
  public static final class Builder {
    private final String id;
    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    private Builder(String id, String title) {
      this.id = id;
      this.title = title;
    }

    public Builder paragraph(String text) {
      blocks.add(new Block.Paragraph(text));
      return this;
    }

    public Builder figure(String name, Plot plot, String caption) {
      blocks.add(new Block.Figure(name, plot, caption));
      return this;
    }

    public Builder table(String caption, List<String> header, List<List<String>> rows) {
      blocks.add(new Block.Table(caption, header, rows));
      return this;
    }

    /** Adds an existing block (e.g. one taken from another section). */
    public Builder block(Block b) {
      blocks.add(java.util.Objects.requireNonNull(b, "block"));
      return this;
    }

    public Section build() {
      return new Section(id, title, blocks);
    }
  }
}
