package dev.losslab.text.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CSV (RFC 4180) and TSV (IANA) records as documents. CSV: fields separated by commas, records by LF or
 * CRLF; a field that starts with {@code "} is quoted and may hold commas, line breaks and {@code ""}
 * (one quote); a quote inside an unquoted field is kept as text. TSV: fields separated by tabs, no
 * quoting. A lone CR is text. Blank lines are skipped. Rows may have more columns than needed. The
 * splitting is {@link DelimitedRows}'.
 */
final class DelimitedReader implements DocumentReader {
  private final Path file;
  private final InputOptions options;
  private final DelimitedRows rows;
  private boolean headerSkipped;

  DelimitedReader(Path file, InputOptions options) throws IOException {
    this.file = file;
    this.options = options;
    DelimitedRows.Dialect dialect = options.format() == InputFormat.TSV
        ? DelimitedRows.Dialect.tsv() : DelimitedRows.Dialect.csv();
    this.rows = DelimitedRows.open(Files.newInputStream(file), file, dialect, options.charset());
  }

  @Override
  public Document next() throws IOException {
    while (rows.next()) {
      if (rows.fields() == 1 && rows.isEmpty(0)) {
        continue; // blank line (or a lone "")
      }
      if (options.header() && !headerSkipped) {
        headerSkipped = true;
        continue;
      }
      return toDocument();
    }
    return null;
  }

  private Document toDocument() throws IOException {
    int lc = options.labelColumn();
    String labelCell = field(lc, "-labelColumn");
    List<String> labels = Labels.parse(labelCell, options.labelSeparator(), options.labelPrefix());
    if (labels.isEmpty()) {
      throw new InputFormatException(file, rows.line(), "empty label in column " + lc);
    }
    StringBuilder text = new StringBuilder();
    if (options.textColumns().isEmpty()) {
      for (int c = 1; c <= rows.fields(); c++) {
        if (c != lc) {
          text.append(field(c, "text")).append(' ');
        }
      }
    } else {
      for (int c : options.textColumns()) {
        text.append(field(c, "-textColumns")).append(' ');
      }
    }
    return new Document(labels, Document.normalizeSpace(text), file + ":" + rows.line());
  }

  /** Column {@code c} (1-based) of the current record, decoded. */
  private String field(int c, String role) throws IOException {
    int fields = rows.fields();
    if (c > fields) {
      throw new InputFormatException(file, rows.line(), "row has " + fields + " column"
          + (fields == 1 ? "" : "s") + ", column " + c + " (" + role + ") is missing");
    }
    try {
      return rows.field(c - 1);
    } catch (CharacterCodingException e) {
      throw new InputFormatException(file, rows.line(), "invalid " + options.charset().name()
          + " in column " + c + " (for a Latin-1 file choose the ISO-8859-1 encoding)");
    }
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
