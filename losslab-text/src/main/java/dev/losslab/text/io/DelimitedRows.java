package dev.losslab.text.io;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The rows of a delimited text file, split by FastCSV, one row in memory at a time: CSV as RFC 4180
 * has it, TSV, or any one-character delimiter without quoting. The text classifier's CSV / TSV input
 * and the lab's dense data files are read through it.
 *
 * <p>Splitting happens on bytes (the delimiter, quote and line breaks are ASCII, so the charset must
 * write ASCII as single bytes: UTF-8, ISO-8859-1 and the like) and a field is decoded in the input's
 * charset only when asked for, so a byte sequence invalid in the charset is an error in that field
 * alone ({@link #field}) or becomes U+FFFD ({@link #fieldReplacingInvalid}). A UTF-8 byte-order mark at
 * the start is skipped. An empty line is a row of one empty field; what counts as blank is the
 * caller's choice. Lines are numbered from 1 by the line breaks of the {@link Dialect}, those inside
 * quoted fields included: {@link #line()} is the line a row starts on.
 *
 * <p>A quoted field with no closing quote, or a character after the closing quote other than the
 * delimiter or a line break, ends the reading with an {@link InputFormatException}: {@code
 * "data.csv:12: unterminated quoted field (column 2 opened at line 9)"}, {@code "data.csv:3: unexpected
 * 'x' after the closing quote of column 2 (a quote inside a quoted field is written \"\")"}. Not
 * thread-safe.
 */
public final class DelimitedRows implements Closeable {
  /** Never a char of the parser's input ({@link ByteChars} hands out 0–255 and a mapped CR). */
  private static final char NO_QUOTE = '\uFFFF';

  /**
   * How rows and fields are delimited.
   *
   * @param delimiter the field separator, an ASCII character other than CR and LF (and {@code "}
   *     when quoted)
   * @param quoted whether a field starting with {@code "} is quoted (RFC 4180): it may then hold the
   *     delimiter, line breaks and {@code ""} (one quote); a quote anywhere else is text. Without
   *     quoting every quote is text
   * @param crEndsRow whether a CR alone ends a row as LF and CRLF do (and counts as a line); if not,
   *     a lone CR is text in its field and lines are counted by LF
   */
  public record Dialect(char delimiter, boolean quoted, boolean crEndsRow) {
    /**
     * Checks the delimiter.
     *
     * @throws IllegalArgumentException for a delimiter that is not ASCII, is a line break or is the
     *     quote of a quoted dialect
     */
    public Dialect {
      if (delimiter >= 0x80 || delimiter == '\n' || delimiter == '\r' || (quoted && delimiter == '"')) {
        throw new IllegalArgumentException("delimiter '" + delimiter + "' must be an ASCII character "
            + (quoted ? "other than CR, LF and the quote" : "other than CR and LF"));
      }
    }

    /** RFC 4180: comma-separated, quoted fields, rows ended by LF or CRLF. */
    public static Dialect csv() {
      return new Dialect(',', true, false);
    }

    /** IANA {@code text/tab-separated-values}: tab-separated, no quoting, rows ended by LF or CRLF. */
    public static Dialect tsv() {
      return new Dialect('\t', false, false);
    }

    /** One row per line (ended by LF, CRLF or CR), split on {@code delimiter}, no quoting. */
    public static Dialect lines(char delimiter) {
      return new Dialect(delimiter, false, true);
    }
  }

  private final Path file;
  private final Charset charset;
  private final CharsetDecoder strict;
  /** Whether a lenient decode marks what it replaced with U+FFFD (true of the JDK's charsets). */
  private final boolean marksReplaced;
  private final ByteChars chars;
  private final RowBuffer row = new RowBuffer();
  private final CsvReader<RowBuffer> reader;
  private final CloseableIterator<RowBuffer> rows;

  private DelimitedRows(InputStream in, Path file, Dialect dialect, Charset charset)
      throws IOException {
    this.file = file;
    this.charset = charset;
    this.strict = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.marksReplaced = strict.replacement().equals("\uFFFD");
    this.chars = new ByteChars(in, charset, !dialect.crEndsRow(), dialect.quoted());
    this.reader = CsvReader.builder()
        .fieldSeparator(dialect.delimiter())
        .quoteCharacter(dialect.quoted() ? '"' : NO_QUOTE)
        .skipEmptyLines(false)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .allowUnclosedQuote(false)
        .maxBufferSize(Integer.MAX_VALUE) // a field may be as long as memory allows
        .build(row, chars);
    this.rows = reader.iterator();
  }

  /**
   * The rows of {@code in}, which is closed with the reader (also if this throws).
   *
   * @param file names the input in messages
   * @throws IOException if the start of the input cannot be read
   */
  public static DelimitedRows open(InputStream in, Path file, Dialect dialect, Charset charset)
      throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(charset, "charset");
    try {
      return new DelimitedRows(in, file, dialect, charset);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * Moves to the next row.
   *
   * @return false at the end of the input
   * @throws InputFormatException for a quoted field without its closing quote or with a character
   *     after it, naming the file, the line and the column
   * @throws IOException if the input cannot be read
   */
  public boolean next() throws IOException {
    try {
      if (!rows.hasNext()) {
        return false;
      }
      rows.next();
      return true;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (CsvParseException e) {
      // the parser's own complaint, perhaps wrapped in one naming the record, or a failure of ours
      Throwable cause = e;
      while (cause instanceof CsvParseException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof CsvParseException) {
        throw malformed(cause.getMessage());
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** The parser stopped inside a quoted field: say where, in lines as this reader counts them. */
  private InputFormatException malformed(String parserMessage) {
    int column = row.fields() + 1;
    if (chars.chunkFirstByte() < 0) {
      long openedAt = row.line() + row.newlines();
      return new InputFormatException(file, chars.chunkLine(), "unterminated quoted field (column "
          + column + " opened at line " + openedAt + ")");
    }
    if (chars.chunkFollowsQuote()) {
      return new InputFormatException(file, chars.chunkLine(), "unexpected "
          + describe(chars.chunkFirstByte()) + " after the closing quote of column " + column
          + " (a quote inside a quoted field is written \"\")");
    }
    return new InputFormatException(file, row.line(), parserMessage);
  }

  private static String describe(int b) {
    return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02X", b);
  }

  /** The line the current row starts on (from 1). */
  public long line() {
    return row.line();
  }

  /** The number of fields of the current row (1 for an empty line). */
  public int fields() {
    return row.fields();
  }

  /** Whether field {@code i} (from 0) of the current row is empty. */
  public boolean isEmpty(int i) {
    return row.length(checkIndex(i)) == 0;
  }

  /**
   * Field {@code i} (from 0) of the current row, decoded strictly.
   *
   * @throws CharacterCodingException if its bytes are not valid in the charset
   */
  public String field(int i) throws CharacterCodingException {
    checkIndex(i);
    String s = new String(row.bytes(), row.start(i), row.length(i), charset);
    if (marksReplaced && s.indexOf('\uFFFD') < 0) {
      return s; // nothing was replaced
    }
    return strict.reset().decode(ByteBuffer.wrap(row.bytes(), row.start(i), row.length(i))).toString();
  }

  /** Field {@code i} (from 0) of the current row, with each invalid byte sequence as U+FFFD. */
  public String fieldReplacingInvalid(int i) {
    checkIndex(i);
    return new String(row.bytes(), row.start(i), row.length(i), charset);
  }

  private int checkIndex(int i) {
    return Objects.checkIndex(i, row.fields());
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
