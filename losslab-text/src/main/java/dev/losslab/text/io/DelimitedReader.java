package dev.losslab.text.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * CSV (RFC 4180) and TSV (IANA) records as documents. CSV: fields separated by commas, records by LF or
 * CRLF; a field that starts with {@code "} is quoted and may hold commas, line breaks and {@code ""}
 * (one quote); a quote inside an unquoted field is kept as text. TSV: fields separated by tabs, no
 * quoting. Blank lines are skipped. Rows may have more columns than needed.
 */
final class DelimitedReader implements DocumentReader {
  private final Path file;
  private final InputOptions options;
  private final ByteInput in;
  private final int delimiter;
  private final boolean quoting;

  /** The bytes of the current record's fields, back to back; field i ends at {@code ends[i]}. */
  private byte[] bytes = new byte[1024];
  private int length;
  private int[] ends = new int[16];
  private int fields;
  /** The line the next record starts on (1-based); the line of the record just read. */
  private long line = 1;
  private long recordLine;
  private boolean headerSkipped;

  DelimitedReader(Path file, InputOptions options) throws IOException {
    this.file = file;
    this.options = options;
    this.in = new ByteInput(file, options.charset());
    this.delimiter = options.format() == InputFormat.TSV ? '\t' : ',';
    this.quoting = options.format() == InputFormat.CSV;
  }

  @Override
  public Document next() throws IOException {
    while (true) {
      if (!readRecord()) {
        return null;
      }
      if (fields == 1 && ends[0] == 0) {
        continue; // blank line
      }
      if (options.header() && !headerSkipped) {
        headerSkipped = true;
        continue;
      }
      return toDocument();
    }
  }

  private Document toDocument() throws IOException {
    int lc = options.labelColumn();
    String labelCell = field(lc, "-labelColumn");
    List<String> labels = Labels.parse(labelCell, options.labelSeparator(), options.labelPrefix());
    if (labels.isEmpty()) {
      throw new InputFormatException(file, recordLine, "empty label in column " + lc);
    }
    StringBuilder text = new StringBuilder();
    if (options.textColumns().isEmpty()) {
      for (int c = 1; c <= fields; c++) {
        if (c != lc) {
          text.append(field(c, "text")).append(' ');
        }
      }
    } else {
      for (int c : options.textColumns()) {
        text.append(field(c, "-textColumns")).append(' ');
      }
    }
    return new Document(labels, Document.normalizeSpace(text), file + ":" + recordLine);
  }

  /** Column {@code c} (1-based) of the current record, decoded. */
  private String field(int c, String role) throws IOException {
    if (c > fields) {
      throw new InputFormatException(file, recordLine, "row has " + fields + " column"
          + (fields == 1 ? "" : "s") + ", column " + c + " (" + role + ") is missing");
    }
    int start = c == 1 ? 0 : ends[c - 2];
    try {
      return in.decode(bytes, start, ends[c - 1] - start);
    } catch (CharacterCodingException e) {
      throw new InputFormatException(file, recordLine, "invalid " + in.charsetName() + " in column "
          + c + " (for a Latin-1 file choose the ISO-8859-1 encoding)");
    }
  }

  /** Reads the next record into {@code bytes / ends}; false at end of input. */
  private boolean readRecord() throws IOException {
    if (in.peek() == ByteInput.EOF) {
      return false;
    }
    recordLine = line;
    length = 0;
    fields = 0;
    while (true) {
      int c = in.peek();
      if (quoting && c == '"') {
        in.read();
        long openedAt = line;
        while (true) {
          c = in.read();
          if (c == ByteInput.EOF) {
            throw new InputFormatException(file, line, "unterminated quoted field (column "
                + (fields + 1) + " opened at line " + openedAt + ")");
          }
          if (c == '"') {
            if (in.peek() == '"') {
              in.read();
            } else {
              break;
            }
          } else if (c == '\n') {
            line++;
          }
          append(c);
        }
        c = in.read();
        if (c == '\r' && in.peek() == '\n') {
          c = in.read();
        }
        if (c != delimiter && c != '\n' && c != ByteInput.EOF) {
          throw new InputFormatException(file, line, "unexpected " + describe(c)
              + " after the closing quote of column " + (fields + 1)
              + " (a quote inside a quoted field is written \"\")");
        }
      } else {
        while (true) {
          c = in.read();
          if (c == '\r' && in.peek() == '\n') {
            c = in.read();
          }
          if (c == delimiter || c == '\n' || c == ByteInput.EOF) {
            break;
          }
          append(c);
        }
      }
      endField();
      if (c == '\n') {
        line++;
        return true;
      }
      if (c == ByteInput.EOF) {
        return true;
      }
    }
  }

  private static String describe(int c) {
    return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("byte 0x%02X", c);
  }

  private void append(int b) {
    if (length == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[length++] = (byte) b;
  }

  private void endField() {
    if (fields == ends.length) {
      ends = Arrays.copyOf(ends, ends.length * 2);
    }
    ends[fields++] = length;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
