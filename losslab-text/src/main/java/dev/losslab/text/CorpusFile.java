package dev.losslab.text;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Encoded training lines in a compact temporary file, read sequentially every epoch: the memory it
 * takes is a read buffer per cursor (256 KB, more only for a line longer than that) and a table of at
 * most 4,096 line offsets, whatever the size of the corpus. The file is a {@link ScratchFile}: read
 * with positional reads into the cursor's buffer, never memory-mapped, so the pages it touches stay in
 * the page cache and out of the process's resident memory; on Linux it has no name once created, and
 * its space is freed however the process ends.
 *
 * <p>One record per usable line, in file order, all numbers unsigned LEB128 varints ({@link Varint}):
 * {@code length, tokens, n, m, label × m, item × n}, where {@code length} counts the bytes after
 * itself, {@code tokens} is what the line stands for in the learning-rate schedule (with the tokens of
 * the skipped lines before it, and for the last line those after it), and the items are, in
 * <b>rows</b> mode, the line's input rows, and in <b>tokens</b> mode (word n-grams without character
 * n-grams, as {@link Corpus}'s compact encoding) one per word token, {@code 2·id} for a word of the
 * vocabulary and {@code 2·hash + 1} (the unsigned 32-bit token hash) for another, the word n-gram
 * rows being hashed again when the line is read. A word id of a vocabulary of 16,384 words or fewer
 * takes at most two bytes, so a bigram corpus takes about two bytes a token instead of the eight of
 * its stored rows.
 *
 * <p>A cursor for lines {@code [from, to)} starts at the offset of the last recorded line at or before
 * {@code from} (line {@code k·spacing}; the spacing doubles whenever the table is full) and skips the
 * records in between by their lengths.
 */
public final class CorpusFile implements EncodedLines, Closeable {
  static final int MAX_CHECKPOINTS = 4096;
  static final int READ_BUFFER = 1 << 18;

  private final ScratchFile file;
  /** The vocabulary that tokens-mode items are hashed with; null in rows mode. */
  private final Dictionary ngrams;
  private final long lines;
  private final long totalTokens;
  private final long[] checkpoints;
  private final long spacing;
  /** The most items and labels a line has: a cursor's buffers start at that size and never grow. */
  private final int maxItems;
  private final int maxLabels;

  private CorpusFile(ScratchFile file, Dictionary ngrams, long lines, long totalTokens,
      long[] checkpoints, long spacing, int maxItems, int maxLabels) {
    this.file = file;
    this.ngrams = ngrams;
    this.lines = lines;
    this.totalTokens = totalTokens;
    this.checkpoints = checkpoints;
    this.spacing = spacing;
    this.maxItems = maxItems;
    this.maxLabels = maxLabels;
  }

  @Override
  public long lineCount() {
    return lines;
  }

  @Override
  public long totalTokens() {
    return totalTokens;
  }

  /** Whether items are word tokens whose n-grams are hashed when read (rather than stored rows). */
  public boolean tokensMode() {
    return ngrams != null;
  }

  /** Size of the file in bytes. */
  public long bytes() {
    return file.size();
  }

  /** Deletes the file (it is also gone, on Linux, if the process ends first). */
  @Override
  public void close() {
    file.close();
  }

  @Override
  public EncodedLines.Cursor cursor(long from, long to) {
    EncodedLines.checkRange(from, to, lines);
    return new FileCursor(from, to);
  }

  /**
   * A writer of a new corpus file in {@code folder}.
   *
   * @param tokensOf the vocabulary for tokens mode (its {@code maxn} must be 0), or null for rows mode
   */
  static Writer writer(Path folder, Dictionary tokensOf) {
    if (tokensOf != null && tokensOf.maxn() > 0) {
      throw new IllegalArgumentException("tokens mode needs maxn 0 (the dictionary has maxn "
          + tokensOf.maxn() + ")");
    }
    return new Writer(ScratchFile.create(folder, "corpus"), tokensOf);
  }

  /**
   * Appends lines in file order. A usable line is held back until the next one (or
   * {@link #finish()}) so that the tokens of skipped lines can be added to it, as {@link Corpus.Builder}
   * adds them.
   */
  static final class Writer implements Closeable {
    private final ScratchFile file;
    private final ScratchFile.Output out;
    private final Dictionary ngrams;
    private byte[] stage = new byte[256];
    private int staged;
    private boolean pending;
    private long pendingTokens;
    private long carry;
    private long total;
    private long lines;
    private long[] checkpoints = new long[64];
    private int ncheckpoints;
    private long spacing = 1;
    private int maxItems;
    private int maxLabels;
    private boolean done;

    private Writer(ScratchFile file, Dictionary ngrams) {
      this.file = file;
      this.out = file.output(1 << 20);
      this.ngrams = ngrams;
    }

    /** Where the file is being written. */
    Path path() {
      return file.path();
    }

    /** A line that is not trained on: its tokens go to the next usable line. */
    void skip(long ntokens) {
      total += ntokens;
      carry += ntokens;
    }

    /** A usable line of rows mode. */
    void rowsLine(int[] rows, int n, int[] labels, int m, long ntokens) {
      if (ngrams != null) {
        throw new IllegalStateException("a tokens-mode corpus file takes tokensLine");
      }
      begin(labels, m, ntokens, n);
      for (int i = 0; i < n; i++) {
        put(rows[i] & 0xffffffffL);
      }
    }

    /**
     * A usable line of tokens mode: its word tokens' ids ({@code -1} for one not in the vocabulary)
     * and token hashes.
     */
    void tokensLine(int[] ids, int[] hashes, int n, int[] labels, int m, long ntokens) {
      if (ngrams == null) {
        throw new IllegalStateException("a rows-mode corpus file takes rowsLine");
      }
      begin(labels, m, ntokens, n);
      for (int i = 0; i < n; i++) {
        int id = ids[i];
        put(id >= 0 ? (long) id << 1 : ((hashes[i] & 0xffffffffL) << 1) | 1);
      }
    }

    private void begin(int[] labels, int m, long ntokens, int n) {
      flushPending();
      total += ntokens;
      pendingTokens = ntokens + carry;
      carry = 0;
      pending = true;
      staged = 0;
      maxItems = Math.max(maxItems, n);
      maxLabels = Math.max(maxLabels, m);
      put(n);
      put(m);
      for (int i = 0; i < m; i++) {
        put(labels[i]);
      }
    }

    private void put(long v) {
      if (stage.length - staged < 10) {
        stage = Arrays.copyOf(stage, stage.length * 2);
      }
      staged = Varint.put(stage, staged, v);
    }

    private void flushPending() {
      if (!pending) {
        return;
      }
      if (lines % spacing == 0) {
        if (ncheckpoints == MAX_CHECKPOINTS) {
          for (int i = 0; i < MAX_CHECKPOINTS / 2; i++) {
            checkpoints[i] = checkpoints[2 * i];
          }
          ncheckpoints = MAX_CHECKPOINTS / 2;
          spacing *= 2;
        }
        if (lines % spacing == 0) {
          if (ncheckpoints == checkpoints.length) {
            checkpoints = Arrays.copyOf(checkpoints, checkpoints.length * 2);
          }
          checkpoints[ncheckpoints++] = out.position();
        }
      }
      out.varint(Varint.length(pendingTokens) + staged);
      out.varint(pendingTokens);
      out.bytes(stage, 0, staged);
      pending = false;
      lines++;
    }

    /** Usable lines so far (the one held back included). */
    long lines() {
      return lines + (pending ? 1 : 0);
    }

    /** The finished file; the tokens of trailing skipped lines go to the last usable line. */
    CorpusFile finish() {
      if (pending) {
        pendingTokens += carry;
        carry = 0;
      }
      flushPending();
      out.flush();
      done = true;
      return new CorpusFile(file, ngrams, lines, total, Arrays.copyOf(checkpoints, ncheckpoints),
          spacing, maxItems, maxLabels);
    }

    /** Deletes the file unless {@link #finish()} handed it over. */
    @Override
    public void close() {
      if (!done) {
        file.close();
      }
    }
  }

  private final class FileCursor implements EncodedLines.Cursor {
    private final ScratchFile.Input in;
    private long to;
    private long line;
    // Sized for the longest line, so that reading never grows them: a branch never taken when the JIT
    // compiled read() would make it compile read() again the first time it was. In tokens mode the
    // rows are ngramRows' array.
    private int[] rows = new int[ngrams == null ? Math.max(1, maxItems) : 1];
    private int nrows;
    private final IntList ngramRows;
    private int[] hashes;
    private int[] labels = new int[Math.max(1, maxLabels)];
    private int nlabels;
    private long tokens;

    FileCursor(long from, long to) {
      this.ngramRows = ngrams == null ? null : new IntList(64);
      this.hashes = ngrams == null ? null : new int[Math.max(1, maxItems)];
      int k = checkpoint(from);
      in = file.input(offset(k), READ_BUFFER);
      skip(k * spacing, from);
      this.to = to;
      line = from - 1;
    }

    /** The last recorded line at or before line {@code i}: line {@code k·spacing} of the result k. */
    private int checkpoint(long i) {
      return (int) Math.max(0, Math.min(checkpoints.length - 1, i / spacing));
    }

    private long offset(int k) {
      return checkpoints.length == 0 ? 0 : checkpoints[k];
    }

    /** Skips the records of lines {@code [at, from)} by their lengths. */
    private void skip(long at, long from) {
      for (long i = at; i < from; i++) {
        int len = (int) in.varint();
        in.ensure(len);
        in.pos(in.pos() + len);
      }
    }

    @Override
    public void moveTo(long from, long to) {
      EncodedLines.checkRange(from, to, lines);
      // the record the input is at: after the current line, or at the end of a finished range
      long at = line == this.to ? this.to : line + 1;
      int k = checkpoint(from);
      long mark = k * spacing;
      if (from < at || at < mark) {
        in.seek(offset(k));
        at = mark;
      }
      skip(at, from);
      this.to = to;
      line = from - 1;
    }

    /**
     * The range check alone, apart from {@link #read}: the first time a range ends, the JIT compiles
     * this method again (the end was never reached when it was first compiled), and a small method is
     * quickly compiled again while the training threads wait for the compiler's core.
     */
    @Override
    public boolean next() {
      if (line + 1 >= to) {
        line = to;
        return false;
      }
      line++;
      read();
      return true;
    }

    /** Decodes the record of {@link #line} from the input. */
    private void read() {
      int len = (int) in.varint();
      if (in.ensure(len) < len) {
        throw new IllegalStateException(
            "the temporary corpus file ends inside line " + line + " (" + file.path() + ")");
      }
      byte[] b = in.buffer();
      int p = in.pos();
      // decoded in place: tokens, n, m, labels, items
      long v = 0;
      int shift = 0;
      byte x;
      do {
        x = b[p++];
        v |= (long) (x & 0x7f) << shift;
        shift += 7;
      } while (x < 0);
      tokens = v;
      int n = 0;
      shift = 0;
      do {
        x = b[p++];
        n |= (x & 0x7f) << shift;
        shift += 7;
      } while (x < 0);
      int m = 0;
      shift = 0;
      do {
        x = b[p++];
        m |= (x & 0x7f) << shift;
        shift += 7;
      } while (x < 0);
      if (labels.length < m) {
        labels = new int[Math.max(m, 2 * labels.length)];
      }
      for (int i = 0; i < m; i++) {
        int l = 0;
        shift = 0;
        do {
          x = b[p++];
          l |= (x & 0x7f) << shift;
          shift += 7;
        } while (x < 0);
        labels[i] = l;
      }
      nlabels = m;
      if (ngrams == null) {
        if (rows.length < n) {
          rows = new int[Math.max(n, 2 * rows.length)];
        }
        int[] r = rows;
        for (int i = 0; i < n; i++) {
          int row = b[p++];
          if (row < 0) {
            row &= 0x7f;
            shift = 7;
            do {
              x = b[p++];
              row |= (x & 0x7f) << shift;
              shift += 7;
            } while (x < 0);
          }
          r[i] = row;
        }
        nrows = n;
      } else {
        if (hashes.length < n) {
          hashes = new int[Math.max(n, 2 * hashes.length)];
        }
        IntList out = ngramRows;
        out.clear();
        Dictionary d = ngrams;
        int[] h = hashes;
        for (int i = 0; i < n; i++) {
          long c = 0;
          shift = 0;
          do {
            x = b[p++];
            c |= (long) (x & 0x7f) << shift;
            shift += 7;
          } while (x < 0);
          if ((c & 1) == 0) {
            int id = (int) (c >>> 1);
            out.add(id);
            h[i] = d.hash(id);
          } else {
            h[i] = (int) (c >>> 1);
          }
        }
        FastTextHash.addWordNgrams(h, n, d.wordNgrams(), d.nwords(), d.bucket(), out);
        rows = out.array();
        nrows = out.size();
      }
      in.pos(p);
    }

    @Override public int[] rows() { return rows; }
    @Override public int rowsFrom() { return 0; }
    @Override public int rowsTo() { return nrows; }
    @Override public int[] labels() { return labels; }
    @Override public int labelsFrom() { return 0; }
    @Override public int labelsTo() { return nlabels; }
    @Override public long tokens() { return tokens; }
    @Override public long line() { return line; }
    @Override public void close() {}
  }
}
