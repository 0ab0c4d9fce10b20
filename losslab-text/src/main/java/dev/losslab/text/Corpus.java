package dev.losslab.text;

import java.util.Arrays;

/**
 * A training file encoded once: for each usable line (at least one known label and one input row) its
 * input rows, its label ids and the number of tokens it stands for, in file order. Epochs reuse it
 * instead of reading and hashing the file again.
 *
 * <p>Lines that are skipped (empty lines, lines whose labels were all dropped by
 * {@code -minCountLabel}) still count for the learning-rate schedule: their tokens are added to the
 * next usable line, so the token total equals the dictionary's {@code ntokens} as in fastText.
 */
public final class Corpus {
  private final int[] ids;
  private final int[] idStart;
  private final int[] labels;
  private final int[] labelStart;
  private final int[] tokens;
  private final int lines;
  private final long totalTokens;

  private Corpus(int[] ids, int[] idStart, int[] labels, int[] labelStart, int[] tokens, int lines,
      long totalTokens) {
    this.ids = ids;
    this.idStart = idStart;
    this.labels = labels;
    this.labelStart = labelStart;
    this.tokens = tokens;
    this.lines = lines;
    this.totalTokens = totalTokens;
  }

  /** Number of usable lines. */
  public int lines() { return lines; }
  /** All input rows, line after line (the array may be longer than the rows it holds). */
  public int[] ids() { return ids; }
  /** Line {@code i}'s rows are {@code ids[idStart[i] .. idStart[i+1])}. */
  public int[] idStart() { return idStart; }
  /** All label ids, line after line. */
  public int[] labels() { return labels; }
  /** Line {@code i}'s labels are {@code labels[labelStart[i] .. labelStart[i+1])}. */
  public int[] labelStart() { return labelStart; }
  /** Tokens that line {@code i} stands for in the learning-rate schedule. */
  public int[] tokens() { return tokens; }
  /** Sum of {@link #tokens()}. */
  public long totalTokens() { return totalTokens; }

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

    /** A builder growing as needed. */
    public Builder() {
      this(1 << 16, 1 << 10);
    }

    /**
     * A builder sized up front, so that no array is copied while it fills (the arrays are kept as they
     * are by {@link #build()}; accessors index them through the start arrays).
     *
     * @param idCapacity expected number of input rows in all
     * @param lineCapacity expected number of lines
     */
    public Builder(long idCapacity, long lineCapacity) {
      ids = new int[(int) Math.max(16, Math.min(Integer.MAX_VALUE - 8, idCapacity))];
      int l = (int) Math.max(16, Math.min(Integer.MAX_VALUE - 8, lineCapacity + 2));
      idStart = new int[l];
      labelStart = new int[l];
      tokens = new int[l];
      labels = new int[l];
    }

    /** Adds a line if it is usable; otherwise carries its tokens to the next usable line. */
    public void add(IntList words, IntList lineLabels, int ntokens) {
      total += ntokens;
      if (words.size() == 0 || lineLabels.size() == 0) {
        carry += ntokens;
        return;
      }
      if (lines + 2 > idStart.length) {
        int n = idStart.length * 2;
        idStart = Arrays.copyOf(idStart, n);
        labelStart = Arrays.copyOf(labelStart, n);
        tokens = Arrays.copyOf(tokens, n);
      }
      while (nids + words.size() > ids.length) {
        ids = Arrays.copyOf(ids, (int) Math.min(Integer.MAX_VALUE - 8, ids.length * 2L));
      }
      while (nlabels + lineLabels.size() > labels.length) {
        labels = Arrays.copyOf(labels, labels.length * 2);
      }
      idStart[lines] = nids;
      labelStart[lines] = nlabels;
      System.arraycopy(words.array(), 0, ids, nids, words.size());
      nids += words.size();
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
      return new Corpus(ids, idStart, labels, labelStart, tokens, lines, total);
    }
  }
}
