package dev.losslab.text.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to read an input: its {@link InputFormat} and, for CSV / TSV, which columns hold the label and
 * the text. Immutable; start from {@link #of(InputFormat)} and adjust with the {@code with…} methods.
 *
 * <p>Defaults: label in column 1, text = every other column (joined with a space), no header row, one
 * label per cell, UTF-8 (strict: invalid bytes are an error), label prefix {@code __label__}.
 *
 * @param format the layout of the input
 * @param labelColumn 1-based column of the label (CSV / TSV)
 * @param textColumns 1-based columns of the text, joined with a space in this order; empty means every
 *     column except the label's (CSV / TSV)
 * @param labelSeparator splits a label cell into several labels (e.g. {@code "|"} or {@code " "});
 *     empty: the whole cell is one label (CSV / TSV)
 * @param header whether the first row is a header to skip (CSV / TSV)
 * @param charset the encoding of the input; decoding is strict, so a byte sequence invalid in it is an
 *     error naming the file and line ({@code ISO-8859-1} accepts any byte)
 * @param labelPrefix the prefix that marks a label in fastText lines
 */
public record InputOptions(
    InputFormat format,
    int labelColumn,
    List<Integer> textColumns,
    String labelSeparator,
    boolean header,
    Charset charset,
    String labelPrefix) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a column is below 1, the label column is also a text column,
   *     a text column is repeated, or the label prefix is empty or holds whitespace
   */
  public InputOptions {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(labelSeparator, "labelSeparator");
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(labelPrefix, "labelPrefix");
    textColumns = List.copyOf(textColumns);
    if (labelColumn < 1) {
      throw new IllegalArgumentException("labelColumn (" + labelColumn + ") must be >= 1 (columns count from 1)");
    }
    for (int i = 0; i < textColumns.size(); i++) {
      int c = textColumns.get(i);
      if (c < 1) {
        throw new IllegalArgumentException("textColumns (" + c + ") must be >= 1 (columns count from 1)");
      }
      if (c == labelColumn) {
        throw new IllegalArgumentException("column " + c + " is both -labelColumn and in -textColumns");
      }
      if (textColumns.subList(0, i).contains(c)) {
        throw new IllegalArgumentException("textColumns lists column " + c + " twice");
      }
    }
    if (labelPrefix.isEmpty() || !Document.normalizeSpace(labelPrefix).equals(labelPrefix)) {
      throw new IllegalArgumentException("label prefix '" + labelPrefix + "' must be non-empty, without whitespace");
    }
  }

  /** The defaults for {@code format}. */
  public static InputOptions of(InputFormat format) {
    return new InputOptions(format, 1, List.of(), "", false, StandardCharsets.UTF_8, "__label__");
  }

  /** These options with the label in {@code labelColumn} and the text in {@code textColumns} (1-based). */
  public InputOptions withColumns(int labelColumn, List<Integer> textColumns) {
    return new InputOptions(format, labelColumn, textColumns, labelSeparator, header, charset, labelPrefix);
  }

  /** These options with a header row to skip, or not. */
  public InputOptions withHeader(boolean header) {
    return new InputOptions(format, labelColumn, textColumns, labelSeparator, header, charset, labelPrefix);
  }

  /** These options with label cells split on {@code separator} (empty: one label per cell). */
  public InputOptions withLabelSeparator(String separator) {
    return new InputOptions(format, labelColumn, textColumns, separator, header, charset, labelPrefix);
  }

  /** These options reading the input in {@code charset}. */
  public InputOptions withCharset(Charset charset) {
    return new InputOptions(format, labelColumn, textColumns, labelSeparator, header, charset, labelPrefix);
  }

  /** These options with another label prefix. */
  public InputOptions withLabelPrefix(String prefix) {
    return new InputOptions(format, labelColumn, textColumns, labelSeparator, header, charset, prefix);
  }

  /**
   * Parses a column list such as {@code "2,3"} (1-based, comma-separated).
   *
   * @throws IllegalArgumentException naming the list and the bad item
   */
  public static List<Integer> parseColumns(String list) {
    List<Integer> out = new ArrayList<>();
    for (String item : list.split(",", -1)) {
      try {
        out.add(Integer.parseInt(item.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "textColumns '" + list + "': '" + item + "' is not a column number (e.g. 2,3)");
      }
    }
    return out;
  }
}
