package dev.losslab.text;

/**
 * The training lines as the {@link Trainer} reads them: for each usable line (at least one known
 * label and one input row), in file order, its input rows, its label ids and the number of tokens it
 * stands for in the learning-rate schedule. Two implementations give the same lines: {@link Corpus}
 * keeps them in the heap, {@link CorpusFile} in a temporary file read sequentially.
 *
 * <p>Counts are {@code long}: a corpus of more than 2<sup>31</sup> lines or tokens is fine. Cursors
 * are independent: each training thread reads its own range of lines with its own cursor.
 */
public interface EncodedLines {
  /** Number of usable lines. */
  long lineCount();

  /** Tokens of the whole file (skipped lines included): {@code ntokens} of the schedule. */
  long totalTokens();

  /**
   * A new cursor over lines {@code [from, to)}, before the first of them.
   *
   * @throws IllegalArgumentException unless {@code 0 <= from <= to <= lineCount()}
   */
  Cursor cursor(long from, long to);

  /**
   * Reads one line at a time; what it returns is valid until the next {@link #next()}. Not
   * thread-safe: one per thread. Nothing is allocated per line once the buffers have grown to the
   * longest line.
   */
  interface Cursor extends AutoCloseable {
    /** Moves to the next line of the range; false past its end. */
    boolean next();

    /** The array holding the line's input rows. */
    int[] rows();

    /** Index of the first row in {@link #rows()}. */
    int rowsFrom();

    /** One past the last row. */
    int rowsTo();

    /** The array holding the line's label ids. */
    int[] labels();

    /** Index of the first label in {@link #labels()}. */
    int labelsFrom();

    /** One past the last label. */
    int labelsTo();

    /** The tokens the line stands for in the learning-rate schedule. */
    long tokens();

    /** Index of the current line among the usable lines. */
    long line();

    /**
     * Moves the cursor to lines {@code [from, to)}, before the first of them, as a new cursor over
     * them would be, keeping its buffers: the {@link Trainer}'s threads take an epoch's lines a chunk
     * at a time. Moving forward by a few lines is cheap; a file cursor moving back or far starts again
     * from the nearest recorded offset.
     *
     * @throws IllegalArgumentException unless {@code 0 <= from <= to <= lineCount()}
     */
    void moveTo(long from, long to);

    /** Releases what the cursor holds (its read buffer); the lines stay readable by other cursors. */
    @Override
    void close();
  }

  /** Checks a range of lines. */
  static void checkRange(long from, long to, long lines) {
    if (from < 0 || from > to || to > lines) {
      throw new IllegalArgumentException(
          "lines [" + from + ", " + to + ") are not within the " + lines + " lines");
    }
  }
}
