package dev.losslab.text;

import java.util.Arrays;

/**
 * Encoded lines kept in the heap: for each usable line (at least one known label and one input row) its
 * input rows, its label ids and the number of tokens it stands for, in file order. A line's rows are
 * read through a {@link Rows} cursor, one per thread. It holds every token of the file in {@code int}
 * arrays (about 4 bytes a token, and at most 2<sup>31</sup> of them), so it serves validation files,
 * experiments and tests; training files go to a {@link CorpusFile}, whose memory does not grow with
 * the corpus ({@link TrainingData}).
 *
 * <p>Two encodings give the same rows in the same order. A <b>full</b> corpus stores every row: the
 * unigram (and character n-gram) rows, then the word n-gram buckets. A <b>compact</b> corpus (word
 * n-grams without character n-grams) stores one int per word token — its id, or a reference to its
 * token hash when it is not in the vocabulary — and hashes the word n-grams again each time a line is
 * read, as fastText does on every pass over the file; for {@code -wordNgrams 2} that halves the
 * corpus's memory.
 *
 * <p>Lines that are skipped (empty lines, lines whose labels were all dropped by
 * {@code -minCountLabel}) still count for the learning-rate schedule: their tokens are added to the
 * next usable line, so the token total equals the dictionary's {@code ntokens} as in fastText.
 */
public final class Corpus implements EncodedLines {
  /** Full: all input rows; compact: per word token its id, or {@code ~k} for unknown hash {@code k}. */
  private final int[] ids;
  private final int[] idStart;
  private final int[] labels;
  private final int[] labelStart;
  private final int[] tokens;
  private final int lines;
  private final long totalTokens;
  /** The vocabulary the word n-grams are hashed with; null for a full corpus. */
  private final Dictionary ngrams;
  private final int[] unknownHashes;

  private Corpus(int[] ids, int[] idStart, int[] labels, int[] labelStart, int[] tokens, int lines,
      long totalTokens, Dictionary ngrams, int[] unknownHashes) {
    this.ids = ids;
    this.idStart = idStart;
    this.labels = labels;
    this.labelStart = labelStart;
    this.tokens = tokens;
    this.lines = lines;
    this.totalTokens = totalTokens;
    this.ngrams = ngrams;
    this.unknownHashes = unknownHashes;
  }

  /** Number of usable lines. */
  public int lines() { return lines; }
  /** All label ids, line after line. */
  public int[] labels() { return labels; }
  /** Line {@code i}'s labels are {@code labels[labelStart[i] .. labelStart[i+1])}. */
  public int[] labelStart() { return labelStart; }
  /** Tokens that line {@code i} stands for in the learning-rate schedule. */
  public int[] tokens() { return tokens; }
  /** Sum of {@link #tokens()}. */
  public long totalTokens() { return totalTokens; }
  /** Whether word n-gram rows are hashed when a line is read rather than stored. */
  public boolean compact() { return ngrams != null; }

  @Override
  public long lineCount() { return lines; }

  @Override
  public EncodedLines.Cursor cursor(long from, long to) {
    EncodedLines.checkRange(from, to, lines);
    return new LineCursor((int) from, (int) to);
  }

  /** A cursor over the stored arrays: {@link Rows} plus the line's labels and tokens. */
  private final class LineCursor implements EncodedLines.Cursor {
    private final Rows rows = new Rows();
    private int to;
    private int i;

    LineCursor(int from, int to) {
      this.i = from - 1;
      this.to = to;
    }

    @Override
    public boolean next() {
      if (i + 1 >= to) {
        i = to;
        return false;
      }
      rows.line(++i);
      return true;
    }

    @Override public int[] rows() { return rows.array(); }
    @Override public int rowsFrom() { return rows.from(); }
    @Override public int rowsTo() { return rows.to(); }
    @Override public int[] labels() { return labels; }
    @Override public int labelsFrom() { return labelStart[i]; }
    @Override public int labelsTo() { return labelStart[i + 1]; }
    @Override public long tokens() { return tokens[i]; }
    @Override public long line() { return i; }
    @Override public void close() {}

    @Override
    public void moveTo(long from, long to) {
      EncodedLines.checkRange(from, to, lines);
      this.i = (int) from - 1;
      this.to = (int) to;
    }
  }

  /** A new cursor over the lines' input rows (not thread-safe: one per thread). */
  public Rows rows() {
    return new Rows();
  }

  /**
   * The input rows of one line at a time: {@code array()[from() .. to())}, valid until the next
   * {@link #line}. For a full corpus a view of the stored rows; for a compact one its own scratch,
   * which grows to the longest line and is then reused, so reading allocates nothing per line.
   */
  public final class Rows {
    private final IntList scratch = new IntList(64);
    private int[] hashes = new int[64];
    private int[] array = ids;
    private int from;
    private int to;

    private Rows() {}

    /** Moves to line {@code i} ({@code 0 <= i < lines()}). */
    public Rows line(int i) {
      int lo = idStart[i];
      int hi = idStart[i + 1];
      if (ngrams == null) {
        array = ids;
        from = lo;
        to = hi;
        return this;
      }
      int size = hi - lo;
      if (hashes.length < size) {
        hashes = new int[Math.max(size, 2 * hashes.length)];
      }
      IntList out = scratch;
      out.clear();
      Dictionary d = ngrams;
      for (int t = 0; t < size; t++) {
        int v = ids[lo + t];
        if (v >= 0) {
          out.add(v);
          hashes[t] = d.hash(v);
        } else {
          hashes[t] = unknownHashes[~v];
        }
      }
      FastTextHash.addWordNgrams(hashes, size, d.wordNgrams(), d.nwords(), d.bucket(), out);
      array = out.array();
      from = 0;
      to = out.size();
      return this;
    }

    /** The array holding the current line's rows. */
    public int[] array() { return array; }
    /** The first row's index in {@link #array()}. */
    public int from() { return from; }
    /** One past the last row's index in {@link #array()}. */
    public int to() { return to; }
  }

  /** Accumulates encoded lines. */
  public static final class Builder {
    private int[] ids;
    private int nids;
    private int[] idStart;
    private int[] labels;
    private int nlabels;
    private int[] labelStart;
    private int[] tokens;
    private int lines;
    private long carry;
    private long total;
    private final Dictionary ngrams;
    private final IntList unknownHashes = new IntList(16);

    /** A full builder growing as needed. */
    public Builder() {
      this(1 << 16, 1 << 10);
    }

    /**
     * A full builder sized up front, so that no array is copied while it fills (the arrays are kept
     * as they are by {@link #build()}; accessors index them through the start arrays).
     *
     * @param idCapacity expected number of input rows in all
     * @param lineCapacity expected number of lines
     */
    public Builder(long idCapacity, long lineCapacity) {
      this(null, idCapacity, lineCapacity);
    }

    private Builder(Dictionary ngrams, long idCapacity, long lineCapacity) {
      this.ngrams = ngrams;
      ids = new int[(int) Math.max(16, Math.min(Integer.MAX_VALUE - 8, idCapacity))];
      int l = (int) Math.max(16, Math.min(Integer.MAX_VALUE - 8, lineCapacity + 2));
      idStart = new int[l];
      labelStart = new int[l];
      tokens = new int[l];
      labels = new int[l];
    }

    /**
     * A compact builder (see {@link Corpus}) sized up front.
     *
     * @param dict the vocabulary the lines are encoded with; its {@code maxn} must be 0
     * @param tokenCapacity expected number of word tokens in all
     * @param lineCapacity expected number of lines
     * @throws IllegalArgumentException if {@code dict} has character n-grams
     */
    public static Builder compact(Dictionary dict, long tokenCapacity, long lineCapacity) {
      if (dict.maxn() > 0) {
        throw new IllegalArgumentException(
            "a compact corpus needs maxn 0 (the dictionary has maxn " + dict.maxn() + ")");
      }
      return new Builder(dict, tokenCapacity, lineCapacity);
    }

    /**
     * Adds the line {@code enc} has just read if it is usable; otherwise carries its tokens to the
     * next usable line.
     */
    public void add(LineEncoder enc, int ntokens) {
      if (ngrams == null) {
        add(enc.words(), enc.labels(), ntokens);
        return;
      }
      if (!usable(enc.words(), enc.labels(), ntokens)) {
        return;
      }
      IntList ts = enc.tokenIds();
      int n = ts.size();
      while (nids + n > ids.length) {
        ids = Arrays.copyOf(ids, (int) Math.min(Integer.MAX_VALUE - 8, ids.length * 2L));
      }
      for (int t = 0; t < n; t++) {
        int id = ts.get(t);
        if (id < 0) {
          id = ~unknownHashes.size();
          unknownHashes.add(enc.hashes().get(t));
        }
        ids[nids + t] = id;
      }
      nids += n;
      addLabels(enc.labels(), ntokens);
    }

    /**
     * Adds a line of a full corpus if it is usable; otherwise carries its tokens to the next usable
     * line.
     *
     * @throws IllegalStateException on a compact builder (it needs the line's tokens: use
     *     {@link #add(LineEncoder, int)})
     */
    public void add(IntList words, IntList lineLabels, int ntokens) {
      if (ngrams != null) {
        throw new IllegalStateException("a compact corpus is built from whole lines: add(LineEncoder, int)");
      }
      if (!usable(words, lineLabels, ntokens)) {
        return;
      }
      while (nids + words.size() > ids.length) {
        ids = Arrays.copyOf(ids, (int) Math.min(Integer.MAX_VALUE - 8, ids.length * 2L));
      }
      System.arraycopy(words.array(), 0, ids, nids, words.size());
      nids += words.size();
      addLabels(lineLabels, ntokens);
    }

    private boolean usable(IntList words, IntList lineLabels, int ntokens) {
      total += ntokens;
      if (words.size() == 0 || lineLabels.size() == 0) {
        carry += ntokens;
        return false;
      }
      if (lines + 2 > idStart.length) {
        int n = idStart.length * 2;
        idStart = Arrays.copyOf(idStart, n);
        labelStart = Arrays.copyOf(labelStart, n);
        tokens = Arrays.copyOf(tokens, n);
      }
      idStart[lines] = nids;
      return true;
    }

    /** Ends the line whose rows were just stored. */
    private void addLabels(IntList lineLabels, int ntokens) {
      while (nlabels + lineLabels.size() > labels.length) {
        labels = Arrays.copyOf(labels, labels.length * 2);
      }
      labelStart[lines] = nlabels;
      System.arraycopy(lineLabels.array(), 0, labels, nlabels, lineLabels.size());
      nlabels += lineLabels.size();
      tokens[lines] = (int) Math.min(Integer.MAX_VALUE, ntokens + carry);
      carry = 0;
      lines++;
    }

    /** The corpus; tokens of trailing skipped lines go to the last usable line. */
    public Corpus build() {
      if (lines > 0 && carry > 0) {
        tokens[lines - 1] = (int) Math.min(Integer.MAX_VALUE, tokens[lines - 1] + carry);
      }
      idStart[lines] = nids;
      labelStart[lines] = nlabels;
      return new Corpus(ids, idStart, labels, labelStart, tokens, lines, total, ngrams,
          ngrams == null ? null : unknownHashes.toArray());
    }
  }
}
