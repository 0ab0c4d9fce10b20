package dev.losslab.text.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Word vectors in fastText's text format ({@code .vec}): a header line {@code COUNT DIM}, then one line
 * per word, {@code word v1 … vDIM}, the values in C's {@code %.5g} ({@link DecimalText}) each followed
 * by a space — the file fastText's {@code saveVectors} writes (fasttext.cc) and
 * {@code -pretrainedVectors} reads (fasttext.cc {@code getInputMatrixFromFile}).
 *
 * <p><b>Reading</b> ({@link #read}) is stricter than fastText's, which pulls whitespace-separated
 * tokens and reads garbage from a malformed file: every entry is one line of a word and exactly
 * {@code DIM} finite numbers, and anything else is one {@link IllegalArgumentException} naming the
 * file and the line (a missing file, a bad header, a line with too few or too many values, a value
 * that is not a number, fewer entries than the header counts). Where fastText reads sensibly, so does
 * this: blank lines are skipped, Windows line endings and tabs are whitespace, words are kept as their
 * bytes (valid UTF-8 or not), and lines after the {@code COUNT} entries are ignored (counted in
 * {@link #ignoredLines()} so that a caller can say so). The header is checked against the file's size
 * before the values are allocated, so a hostile {@code COUNT} cannot exhaust the heap.
 *
 * <p><b>Writing</b> ({@link #write}) is atomic ({@link AtomicFiles}): the complete file or nothing.
 */
public final class VecFile {
  private final int dim;
  private final byte[][] words;
  private final float[] values;
  private final long ignoredLines;

  private VecFile(int dim, byte[][] words, float[] values, long ignoredLines) {
    this.dim = dim;
    this.words = words;
    this.values = values;
    this.ignoredLines = ignoredLines;
  }

  /** Values per vector. */
  public int dim() {
    return dim;
  }

  /** Number of vectors (the header's count). */
  public int size() {
    return words.length;
  }

  /** The bytes of word {@code i} as the file holds them (not a copy; do not change). */
  public byte[] word(int i) {
    return words[i];
  }

  /** Copies vector {@code i} into {@code out[off .. off+dim)}. */
  public void copyRow(int i, float[] out, int off) {
    System.arraycopy(values, i * dim, out, off, dim);
  }

  /** Non-blank lines after the header's count of entries, which are not read (as in fastText). */
  public long ignoredLines() {
    return ignoredLines;
  }

  /**
   * Reads a {@code .vec} file.
   *
   * @param expectedDim the dimension the vectors must have (e.g. {@code -dim}), or 0 for any
   * @throws IllegalArgumentException if the file is missing, malformed, or of another dimension; the
   *     message names the file (and the line, and both dimensions)
   * @throws IOException if it cannot be read
   */
  public static VecFile read(Path file, int expectedDim) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + ": is a directory, not a .vec file");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return new Parser(file, in, size, expectedDim).parse();
    }
  }

  /** Fills {@code out} (of length {@code dim}) with vector {@code i}. */
  @FunctionalInterface
  public interface Rows {
    /** Writes vector {@code i} into {@code out}. */
    void row(int i, float[] out);
  }

  /**
   * Writes {@code count} vectors atomically as fastText writes them: {@code COUNT DIM}, then per vector
   * its word's bytes, a space, and each value in {@code %.5g} followed by a space.
   *
   * @param word the bytes of word {@code i}
   * @param rows the values of vector {@code i}
   */
  public static void write(Path file, int count, int dim, IntFunction<byte[]> word, Rows rows)
      throws IOException {
    if (count < 0 || dim <= 0) {
      throw new IllegalArgumentException(
          "count (" + count + ") must be >= 0 and dim (" + dim + ") > 0");
    }
    AtomicFiles.write(file, ch -> {
      byte[] buf = new byte[1 << 20];
      int pos = 0;
      byte[] header = (count + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(header, 0, buf, 0, header.length);
      pos = header.length;
      float[] row = new float[dim];
      int perValue = DecimalText.MAX_LENGTH + 1;
      for (int i = 0; i < count; i++) {
        byte[] w = word.apply(i);
        rows.row(i, row);
        if (pos + w.length + 1 > buf.length) {
          pos = flush(ch, buf, pos);
          if (w.length + 1 > buf.length) {
            AtomicFiles.writeFully(ch, ByteBuffer.wrap(w));
            w = new byte[0];
          }
        }
        System.arraycopy(w, 0, buf, pos, w.length);
        pos += w.length;
        buf[pos++] = ' ';
        for (int j = 0; j < dim; j++) {
          if (pos + perValue + 1 > buf.length) {
            pos = flush(ch, buf, pos);
          }
          pos = DecimalText.appendGeneral(buf, pos, row[j], 5);
          buf[pos++] = ' ';
        }
        if (pos + 1 > buf.length) {
          pos = flush(ch, buf, pos);
        }
        buf[pos++] = '\n';
      }
      flush(ch, buf, pos);
    });
  }

  private static int flush(FileChannel ch, byte[] buf, int pos) throws IOException {
    AtomicFiles.writeFully(ch, ByteBuffer.wrap(buf, 0, pos));
    return 0;
  }

  /** One pass over the file's lines. */
  private static final class Parser {
    private final Path file;
    private final InputStream in;
    private final long fileSize;
    private final int expectedDim;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private long line;
    /** The current line is {@code buf[lineStart .. lineEnd)}, without its line break. */
    private int lineStart;
    private int lineEnd;

    Parser(Path file, InputStream in, long fileSize, int expectedDim) {
      this.file = file;
      this.in = in;
      this.fileSize = fileSize;
      this.expectedDim = expectedDim;
    }

    VecFile parse() throws IOException {
      if (!nextLine()) {
        throw new IllegalArgumentException(file + ": the file is empty (a .vec file starts with 'COUNT DIM')");
      }
      int[] fields = new int[4];
      int nf = split(fields, 2);
      long count = nf == 2 ? integer(fields[0], fields[1]) : -1;
      long dim = nf == 2 ? integer(fields[2], fields[3]) : -1;
      if (nf != 2 || count < 0 || dim <= 0) {
        throw new IllegalArgumentException(file + ":" + line + ": the header must be 'COUNT DIM', two"
            + " integers with DIM > 0 (found '" + text(lineStart, lineEnd) + "')");
      }
      if (expectedDim > 0 && dim != expectedDim) {
        throw new IllegalArgumentException(file + ": the vectors have dimension " + dim + ", -dim is "
            + expectedDim + " (train with -dim " + dim + ")");
      }
      // each entry takes at least a one-byte word and DIM one-digit values, each with a separator
      if ((double) count * (2 * dim + 1) > fileSize || (double) count * dim > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(file + ":1: the header counts " + count + " vectors of "
            + dim + " values, more than the file's " + fileSize + " bytes can hold");
      }
      int n = (int) count;
      int d = (int) dim;
      byte[][] words = new byte[n][];
      float[] values = new float[n * d];
      int[] spans = new int[2 * (d + 2)];
      int read = 0;
      while (read < n && nextLine()) {
        int tokens = split(spans, d + 2);
        if (tokens == 0) {
          continue; // a blank line
        }
        if (tokens != d + 1) {
          throw new IllegalArgumentException(file + ":" + line + ": '"
              + text(spans[0], spans[1]) + "' has " + (tokens > d + 1 ? "more than " + d
              : Integer.toString(tokens - 1)) + " values, the header says " + d);
        }
        words[read] = Arrays.copyOfRange(buf, spans[0], spans[1]);
        int base = read * d;
        for (int j = 0; j < d; j++) {
          int s = spans[2 * j + 2];
          int e = spans[2 * j + 3];
          float v = DecimalText.parseFloat(buf, s, e - s);
          if (!Float.isFinite(v)) {
            throw new IllegalArgumentException(file + ":" + line + ": value " + (j + 1) + " of '"
                + text(spans[0], spans[1]) + "' ('" + text(s, e) + "') is not "
                + (Float.isNaN(v) ? "a number" : "finite as a float"));
          }
          values[base + j] = v;
        }
        read++;
      }
      if (read < n) {
        throw new IllegalArgumentException(file + ": the header counts " + n + " vectors, the file"
            + " holds " + read);
      }
      long ignored = 0;
      int[] any = new int[2];
      while (nextLine()) {
        if (split(any, 1) > 0) {
          ignored++;
        }
      }
      return new VecFile(d, words, values, ignored);
    }

    static boolean isSpace(byte b) {
      return b == ' ' || b == '\t' || b == '\r' || b == 0x0b || b == '\f';
    }

    /**
     * Splits the current line on whitespace into {@code spans} (start, end pairs), at most
     * {@code max} tokens stored; returns the number of tokens, or {@code max + 1} when there are more.
     */
    int split(int[] spans, int max) {
      int tokens = 0;
      int i = lineStart;
      while (i < lineEnd) {
        while (i < lineEnd && isSpace(buf[i])) {
          i++;
        }
        if (i == lineEnd) {
          break;
        }
        int s = i;
        while (i < lineEnd && !isSpace(buf[i])) {
          i++;
        }
        if (tokens == max) {
          return max + 1;
        }
        spans[2 * tokens] = s;
        spans[2 * tokens + 1] = i;
        tokens++;
      }
      return tokens;
    }

    /** A non-negative decimal integer, or -1. */
    long integer(int s, int e) {
      if (e - s > 18) {
        return -1;
      }
      long v = 0;
      for (int i = s; i < e; i++) {
        byte c = buf[i];
        if (c < '0' || c > '9') {
          return -1;
        }
        v = v * 10 + (c - '0');
      }
      return v;
    }

    String text(int s, int e) {
      int n = Math.min(e - s, 60);
      return new String(buf, s, n, StandardCharsets.UTF_8) + (e - s > n ? "..." : "");
    }

    /** Moves to the next line; false at the end of the file. */
    boolean nextLine() throws IOException {
      if (pos == limit && !fill()) {
        return false;
      }
      line++;
      int start = pos;
      while (true) {
        int nl = -1;
        for (int i = pos; i < limit; i++) {
          if (buf[i] == '\n') {
            nl = i;
            break;
          }
        }
        if (nl >= 0) {
          lineStart = start;
          lineEnd = nl;
          pos = nl + 1;
          return true;
        }
        pos = limit;
        // keep the partial line at the front and read more
        int kept = limit - start;
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, kept);
        } else if (kept == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        start = 0;
        pos = kept;
        limit = kept;
        if (!read()) {
          lineStart = 0;
          lineEnd = kept;
          return true;
        }
      }
    }

    private boolean fill() throws IOException {
      pos = 0;
      limit = 0;
      return read();
    }

    /** Reads more bytes after {@code limit}; false at the end of the file. */
    private boolean read() throws IOException {
      if (eof) {
        return false;
      }
      int r;
      do {
        r = in.read(buf, limit, buf.length - limit);
      } while (r == 0);
      if (r < 0) {
        eof = true;
        return false;
      }
      limit += r;
      return true;
    }
  }
}
