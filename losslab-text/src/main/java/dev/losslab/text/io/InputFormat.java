package dev.losslab.text.io;

import java.util.Locale;

/** The layouts a text-classification input can come in. */
public enum InputFormat {
  /**
   * fastText's own: one document per line, labels are the tokens starting with the label prefix
   * ({@code __label__} by default), anywhere on the line.
   */
  FASTTEXT,
  /** Comma-separated values, RFC 4180: quoted fields may hold commas, {@code ""} and line breaks. */
  CSV,
  /**
   * Tab-separated values (IANA {@code text/tab-separated-values}): no quoting, a field cannot hold a
   * tab or a line break; quote characters are ordinary text.
   */
  TSV,
  /**
   * A folder with one sub-folder per class (the IMDB / 20 Newsgroups layout): every regular file in a
   * sub-folder is one document, labelled with the sub-folder's name.
   */
  FOLDER;

  /** The lower-case name used on the command line ({@code -format csv}). */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format named {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static InputFormat parse(String name) {
    for (InputFormat f : values()) {
      if (f.cliName().equalsIgnoreCase(name.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown input format '" + name + "' (known: fasttext, csv, tsv, folder)");
  }
}
