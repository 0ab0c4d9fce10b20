package dev.losslab.data;

import dev.losslab.text.io.DelimitedRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a dense data set from a CSV file (gzip recognised by its magic bytes): one example per line,
 * numeric features, and one label column holding a non-negative integer class (or, with
 * {@link Options#regression()}, a real-valued target). Blank lines are skipped. Every error names the
 * file and the line: {@code digits.csv:17: expected 65 fields, found 64}.
 *
 * <p>No quoting: fields are split on the delimiter (an ASCII character) and trimmed; lines end at LF,
 * CRLF or CR; the file is UTF-8, a byte-order mark at its start is skipped, and invalid bytes read as
 * U+FFFD. The rows are split by {@link DelimitedRows}.
 */
public final class CsvReader {
  private CsvReader() {}

  /** Whether the first line is a header. */
  public enum Header {
    /** A header if any field of the first line is not a number. */
    AUTO,
    /** The first line is a header. */
    YES,
    /** Every line is data. */
    NO
  }

  /**
   * How to read the file.
   *
   * @param header whether the first line names the columns
   * @param labelColumn the label's column, from 0; negative counts from the end ({@code -1}: last)
   * @param delimiter the field separator
   * @param regression read the label column as a real-valued target instead of a class
   */
  public record Options(Header header, int labelColumn, char delimiter, boolean regression) {
    /** Checks the header mode is given. */
    public Options {
      Objects.requireNonNull(header, "header");
    }

    /** Auto-detected header, label in the last column, comma-separated, classification. */
    public static Options defaults() {
      return new Options(Header.AUTO, -1, ',', false);
    }

    public Options withHeader(Header header) {
      return new Options(header, labelColumn, delimiter, regression);
    }

    public Options withLabelColumn(int labelColumn) {
      return new Options(header, labelColumn, delimiter, regression);
    }

    public Options withDelimiter(char delimiter) {
      return new Options(header, labelColumn, delimiter, regression);
    }

    public Options withRegression(boolean regression) {
      return new Options(header, labelColumn, delimiter, regression);
    }
  }

  /** Reads {@code file} with the default options. */
  public static DenseDataset read(Path file) {
    return read(file, Options.defaults());
  }

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException naming the file and line on a missing file, a ragged row, a field
   *     that is not a number, a bad label, a label column outside the row, or no data; or for a
   *     delimiter that is not an ASCII character other than CR and LF
   */
  public static DenseDataset read(Path file, Options options) {
    String where = file.toString();
    DelimitedRows.Dialect lines = DelimitedRows.Dialect.lines(options.delimiter());
    try (DelimitedRows in = DelimitedRows.open(DataFiles.open(file), file, lines, StandardCharsets.UTF_8)) {
      int fields = -1;
      int label = -1;
      int rows = 0;
      float[] x = new float[1 << 12];
      int[] y = new int[256];
      double[] t = new double[256];
      int maxLabel = -1;
      boolean first = true;
      String[] parts = new String[0];
      while (in.next()) {
        long lineNo = in.line();
        int count = in.fields();
        if (parts.length != count) {
          parts = new String[count];
        }
        if (!split(in, options.delimiter(), parts)) {
          continue; // a blank line
        }
        if (fields < 0) {
          fields = count;
          if (fields < 2) {
            throw new IllegalArgumentException(where + ":" + lineNo + ": found " + fields
                + " field, need at least one feature and a label (delimiter '"
                + options.delimiter() + "')");
          }
          label = options.labelColumn() < 0 ? fields + options.labelColumn() : options.labelColumn();
          if (label < 0 || label >= fields) {
            throw new IllegalArgumentException(where + ":" + lineNo + ": label column "
                + options.labelColumn() + " is outside the row's " + fields + " fields");
          }
        } else if (count != fields) {
          throw new IllegalArgumentException(where + ":" + lineNo + ": expected " + fields
              + " fields, found " + count);
        }
        if (first) {
          first = false;
          boolean header = options.header() == Header.YES
              || (options.header() == Header.AUTO && !allNumeric(parts, count));
          if (header) {
            continue;
          }
        }
        int d = fields - 1;
        if ((long) (rows + 1) * d > Integer.MAX_VALUE - 16) {
          throw new IllegalArgumentException(where + ":" + lineNo + ": too many values for one array");
        }
        if ((rows + 1) * d > x.length) {
          x = Arrays.copyOf(x, Math.max((rows + 1) * d, x.length * 2));
        }
        if (rows == y.length) {
          y = Arrays.copyOf(y, rows * 2);
          t = Arrays.copyOf(t, rows * 2);
        }
        int c = 0;
        for (int f = 0; f < fields; f++) {
          String s = parts[f];
          if (f == label) {
            if (options.regression()) {
              t[rows] = number(s, where, lineNo, f);
            } else {
              int v = classLabel(s, where, lineNo, f);
              y[rows] = v;
              maxLabel = Math.max(maxLabel, v);
            }
          } else {
            x[rows * d + c++] = (float) number(s, where, lineNo, f);
          }
        }
        rows++;
      }
      if (rows == 0) {
        throw new IllegalArgumentException(where + ": no data rows");
      }
      int d = fields - 1;
      float[] features = Arrays.copyOf(x, rows * d);
      String name = file.getFileName().toString();
      if (options.regression()) {
        return DenseDataset.regression(name, features, rows, d, Arrays.copyOf(t, rows), 1);
      }
      return DenseDataset.classification(name, features, rows, d, Arrays.copyOf(y, rows),
          maxLabel + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(where + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Puts the current row's fields, trimmed, into {@code out}; false if the line is blank (nothing but
   * whitespace, delimiters included), which is skipped.
   */
  private static boolean split(DelimitedRows in, char delimiter, String[] out) {
    boolean blank = out.length == 1 || Character.isWhitespace(delimiter);
    for (int f = 0; f < out.length; f++) {
      String s = in.fieldReplacingInvalid(f);
      blank = blank && s.isBlank();
      out[f] = s.trim();
    }
    return !blank;
  }

  private static boolean allNumeric(String[] parts, int count) {
    for (int f = 0; f < count; f++) {
      try {
        Double.parseDouble(parts[f]);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }

  private static double number(String s, String where, long line, int field) {
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ":" + line + ": field " + (field + 1) + " ('"
          + abbreviate(s) + "') is not a number");
    }
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(where + ":" + line + ": field " + (field + 1) + " is "
          + s.toLowerCase(Locale.ROOT) + ", must be finite");
    }
    return v;
  }

  private static int classLabel(String s, String where, long line, int field) {
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v >= 0 && v == Math.rint(v) && v < 1 << 20)) {
      throw new IllegalArgumentException(where + ":" + line + ": label '" + abbreviate(s)
          + "' in field " + (field + 1) + " is not a class number 0, 1, 2, ...");
    }
    return (int) v;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
