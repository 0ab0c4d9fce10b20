package dev.losslab.text;

import java.util.Arrays;

/**
 * Counts every token of a training file — words, labels and {@code </s>} — as fastText's
 * {@code Dictionary::readFromFile} does (dictionary.cc:234-259), then builds the {@link Dictionary}.
 *
 * <ul>
 *   <li>{@code ntokens} counts every token, including those later dropped by {@code -minCount}.
 *   <li>A token is a label when it starts with the label prefix; labels may appear anywhere.
 *   <li>fastText's pruning while reading is kept: past 0.75 × 30M distinct tokens the minimum count is
 *       raised by one and rarer words and labels are dropped.
 *   <li>{@link #build} sorts words before labels, each by descending count, then applies
 *       {@code -minCount} to words and {@code -minCountLabel} to labels. Ties keep the order of first
 *       appearance (fastText's {@code std::sort} leaves them unspecified).
 * </ul>
 */
public final class DictionaryBuilder {
  static final int MAX_VOCAB_SIZE = 30_000_000;

  private final Args args;
  private final byte[] labelPrefix;
  private ByteTable table = new ByteTable(1 << 12);
  private long[] counts = new long[1 << 12];
  private long ntokens;
  private int minThreshold = 1;
  private int prunings;

  public DictionaryBuilder(Args args) {
    this.args = args;
    this.labelPrefix = args.label().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Counts one token.
   *
   * @return the token's entry index, in order of first appearance (until a pruning renumbers them)
   */
  public int add(byte[] b, int off, int len) {
    int h = FastTextHash.hash(b, off, len);
    int i = table.find(b, off, len, h);
    if (i < 0) {
      i = table.add(b, off, len, h);
      if (i == counts.length) {
        counts = Arrays.copyOf(counts, i * 2);
      }
    }
    counts[i]++;
    ntokens++;
    if (table.size() > 0.75 * MAX_VOCAB_SIZE) {
      minThreshold++;
      prune(minThreshold);
      prunings++;
      return table.find(b, off, len, h);
    }
    return i;
  }

  /** How many times the entries were pruned (and renumbered) while counting. */
  public int prunings() {
    return prunings;
  }

  /** The bytes of entry {@code i} (not a copy). */
  byte[] key(int i) {
    return table.key(i);
  }

  /** The token hash of entry {@code i}. */
  int hash(int i) {
    return table.hash(i);
  }

  /**
   * Adds the counts of {@code later}, which counted the text that follows this builder's: its entries
   * not seen here are appended in its order of first appearance, so the result is what one builder
   * counting both texts in turn would hold — unless that one would have pruned.
   *
   * @return false, leaving this builder unusable, when either builder pruned or the merged entries
   *     are past the pruning bound (one builder would have pruned: count the text in one piece)
   */
  boolean merge(DictionaryBuilder later) {
    if (prunings > 0 || later.prunings > 0) {
      return false;
    }
    for (int j = 0; j < later.size(); j++) {
      byte[] k = later.key(j);
      int h = later.hash(j);
      int i = table.find(k, 0, k.length, h);
      if (i < 0) {
        i = table.add(k, 0, k.length, h);
        if (i == counts.length) {
          counts = Arrays.copyOf(counts, i * 2);
        }
      }
      counts[i] += later.counts[j];
    }
    ntokens += later.ntokens;
    return table.size() <= 0.75 * MAX_VOCAB_SIZE;
  }

  /** Counts every token of a reader. */
  public void addAll(TokenReader r) {
    while (r.next()) {
      add(r.bytes(), r.offset(), r.length());
    }
  }

  /** Tokens counted so far. */
  public long ntokens() {
    return ntokens;
  }

  /** Distinct tokens so far. */
  public int size() {
    return table.size();
  }

  static boolean startsWith(byte[] b, int off, int len, byte[] prefix) {
    if (len < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[off + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private void prune(int t) {
    ByteTable next = new ByteTable(table.size());
    long[] nextCounts = new long[counts.length];
    for (int i = 0; i < table.size(); i++) {
      if (counts[i] >= t) {
        byte[] k = table.key(i);
        int j = next.add(k, 0, k.length, table.hash(i));
        nextCounts[j] = counts[i];
      }
    }
    table = next;
    counts = nextCounts;
  }

  /** Sorts, thresholds and numbers the entries: words {@code 0..nwords-1}, then labels. */
  public Dictionary build() {
    int n = table.size();
    long[] keys = new long[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      byte[] k = table.key(i);
      boolean label = startsWith(k, 0, k.length, labelPrefix);
      long c = counts[i];
      if (c < (label ? args.minCountLabel() : args.minCount())) {
        continue;
      }
      // type asc, count desc, first appearance asc; counts are capped at 2^36 - 1 for the key
      long inv = (1L << 36) - 1 - Math.min(c, (1L << 36) - 1);
      keys[kept++] = ((label ? 1L : 0L) << 62) | (inv << 25) | i;
    }
    if (n >= (1 << 25)) {
      throw new IllegalStateException("vocabulary too large: " + n);
    }
    keys = Arrays.copyOf(keys, kept);
    Arrays.sort(keys);
    byte[][] words = new byte[kept][];
    long[] wordCounts = new long[kept];
    int nwords = 0;
    for (int r = 0; r < kept; r++) {
      int i = (int) (keys[r] & ((1 << 25) - 1));
      words[r] = table.key(i);
      wordCounts[r] = counts[i];
      if ((keys[r] >>> 62) == 0) {
        nwords++;
      }
    }
    return new Dictionary(args, words, wordCounts, nwords, ntokens);
  }
}
