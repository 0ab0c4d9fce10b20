package dev.losslab.text;

import dev.losslab.text.format.DictionaryEntries;
import dev.losslab.text.format.PruneIndex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The vocabulary of a model: words {@code 0..nwords-1} sorted by descending count, then labels
 * {@code nwords..size-1}, with their counts, the total token count {@code ntokens}, and for each word
 * its character n-gram buckets when {@code maxn > 0}. It holds exactly what a fastText {@code .bin}
 * stores (entries {@code (word, count, type)}, nwords, nlabels, ntokens) and is immutable.
 *
 * <p>Row ids of the input matrix: word {@code w} is row {@code w}; bucket {@code b} (a word or
 * character n-gram) is row {@code nwords + b}. A <b>pruned</b> dictionary (a quantized model made with
 * {@code -cutoff}) keeps only some buckets: bucket {@code b} is row {@code nwords + pruneIndex.rowOf(b)},
 * and an n-gram whose bucket was pruned adds no row (fastText's {@code pushHash}).
 */
public final class Dictionary {
  /** Entry type of a word, as stored in a fastText model. */
  public static final byte WORD = 0;
  /** Entry type of a label. */
  public static final byte LABEL = 1;

  private final long[] counts;
  private final int nwords;
  private final int nlabels;
  private final long ntokens;
  private final ByteTable table;
  private final byte[] labelPrefix;
  private final int bucket;
  private final int minn;
  private final int maxn;
  private final int wordNgrams;
  private final int[][] subwords;
  private final int eosId;
  /** The kept buckets of a pruned dictionary; null when every bucket has its row. */
  private final PruneIndex prune;

  /**
   * A dictionary from entries already in model order (words first, then labels).
   *
   * @param args supplies the label prefix, bucket, minn, maxn and wordNgrams
   * @param words the entries' UTF-8 bytes
   * @param counts the entries' counts
   * @param nwords how many leading entries are words
   * @param ntokens the number of tokens of the training data
   */
  public Dictionary(Args args, byte[][] words, long[] counts, int nwords, long ntokens) {
    this(args, words.length, i -> words[i], checkCounts(words, counts, nwords), nwords, ntokens,
        null);
  }

  /**
   * A dictionary from the entries of a model file, words first, then labels. It keeps the arrays
   * {@link DictionaryEntries#wordBytes} returns as its own (no copy, no object per word), so they must
   * not be changed afterwards: {@link dev.losslab.text.format.DictionaryBytes} hands over the arrays
   * it read.
   *
   * @param args supplies the label prefix, bucket, minn, maxn and wordNgrams
   * @throws IllegalArgumentException if an entry appears twice
   */
  public Dictionary(Args args, DictionaryEntries entries) {
    this(args, entries, null);
  }

  /**
   * A pruned dictionary from the entries and {@code pruneidx} of a quantized model file, as
   * {@link #Dictionary(Args, DictionaryEntries)} otherwise.
   *
   * @param prune the kept buckets; null for a dictionary that is not pruned
   */
  public Dictionary(Args args, DictionaryEntries entries, PruneIndex prune) {
    this(args, entries.nwords() + entries.nlabels(), entries::wordBytes, counts(entries),
        entries.nwords(), entries.ntokens(), prune);
  }

  private static long[] checkCounts(byte[][] words, long[] counts, int nwords) {
    if (words.length != counts.length || nwords < 0 || nwords > words.length) {
      throw new IllegalArgumentException(
          "dictionary has " + words.length + " entries, " + counts.length + " counts and "
              + nwords + " words");
    }
    return counts;
  }

  private static long[] counts(DictionaryEntries entries) {
    long[] c = new long[entries.nwords() + entries.nlabels()];
    for (int i = 0; i < c.length; i++) {
      c[i] = entries.count(i);
    }
    return c;
  }

  private Dictionary(Args args, int size, IntFunction<byte[]> words, long[] counts, int nwords,
      long ntokens, PruneIndex prune) {
    this.prune = prune;
    this.counts = counts;
    this.nwords = nwords;
    this.nlabels = size - nwords;
    this.ntokens = ntokens;
    this.labelPrefix = args.label().getBytes(StandardCharsets.UTF_8);
    this.bucket = args.effectiveBucket();
    this.minn = args.minn();
    this.maxn = args.maxn();
    this.wordNgrams = args.wordNgrams();
    this.table = new ByteTable(size);
    for (int i = 0; i < size; i++) {
      byte[] w = words.apply(i);
      int h = FastTextHash.hash(w, 0, w.length);
      if (table.find(w, 0, w.length, h) >= 0) {
        throw new IllegalArgumentException(
            "dictionary entry " + i + " ('" + new String(w, StandardCharsets.UTF_8)
                + "') appears twice");
      }
      table.addOwned(w, h);
    }
    this.eosId = find(TokenReader.EOS_BYTES, 0, TokenReader.EOS_BYTES.length);
    if (maxn > 0) {
      subwords = new int[nwords][];
      IntList scratch = new IntList();
      byte[] wrapped = new byte[64];
      for (int i = 0; i < nwords; i++) {
        scratch.clear();
        scratch.add(i);
        if (i != eosId) {
          byte[] w = table.key(i);
          wrapped = charNgrams(w, 0, w.length, wrapped, scratch);
        }
        subwords[i] = scratch.toArray();
      }
    } else {
      subwords = null;
    }
  }

  /**
   * A pruned copy of this dictionary (fastText's {@code Dictionary::prune}): the words {@code keep}
   * (ascending ids; they become words {@code 0..keep.length-1}, in that order), every label, and the
   * buckets {@code prune} keeps.
   *
   * @param args the settings this dictionary was built with
   */
  Dictionary pruned(Args args, int[] keep, PruneIndex prune) {
    int kw = keep.length;
    int size = kw + nlabels;
    long[] c = new long[size];
    for (int i = 0; i < size; i++) {
      c[i] = counts[i < kw ? keep[i] : nwords + i - kw];
    }
    return new Dictionary(args, size, i -> table.key(i < kw ? keep[i] : nwords + i - kw), c, kw,
        ntokens, prune);
  }

  public int nwords() { return nwords; }
  public int nlabels() { return nlabels; }
  public int size() { return table.size(); }
  /** Tokens in the training data (words, labels and {@code </s>}, before thresholding). */
  public long ntokens() { return ntokens; }
  /** Bucket rows after the word rows (0 for a unigram model without character n-grams). */
  public int bucket() { return bucket; }
  public int wordNgrams() { return wordNgrams; }
  public int minn() { return minn; }
  public int maxn() { return maxn; }

  /** Rows of the input matrix: {@code nwords + bucket}, or {@code nwords +} the kept buckets. */
  public long inputRows() {
    return (long) nwords + (prune != null ? prune.size() : bucket);
  }

  /** The kept buckets when the dictionary is pruned. */
  public java.util.Optional<PruneIndex> pruneIndex() {
    return java.util.Optional.ofNullable(prune);
  }

  /**
   * Maps the bucket rows {@code rows[from ..)} ({@code nwords + b}, as hashed) to the rows a pruned
   * dictionary keeps, dropping the pruned ones and keeping the order; nothing to do when it is not
   * pruned.
   */
  void pruneRows(IntList rows, int from) {
    if (prune == null) {
      return;
    }
    int[] a = rows.array();
    int n = rows.size();
    int w = from;
    for (int i = from; i < n; i++) {
      int v = a[i];
      if (v >= nwords) {
        int r = prune.rowOf(v - nwords);
        if (r < 0) {
          continue;
        }
        v = nwords + r;
      }
      a[w++] = v;
    }
    rows.truncate(w);
  }

  /** Id of a token, or -1. */
  public int find(byte[] b, int off, int len) {
    return table.find(b, off, len, FastTextHash.hash(b, off, len));
  }

  int find(byte[] b, int off, int len, int hash) {
    return table.find(b, off, len, hash);
  }

  /** Id of a token, or -1. */
  public int find(String token) {
    byte[] b = token.getBytes(StandardCharsets.UTF_8);
    return find(b, 0, b.length);
  }

  /** The entry's text. */
  public String word(int id) {
    return new String(table.key(id), StandardCharsets.UTF_8);
  }

  /** The entry's UTF-8 bytes (not a copy; do not change). */
  public byte[] wordBytes(int id) {
    return table.key(id);
  }

  /** The label text of label {@code j} (entry {@code nwords + j}). */
  public String label(int j) {
    return word(nwords + j);
  }

  /** The bytes of label {@code j}'s text, as read (not a copy; do not change). */
  public byte[] labelBytes(int j) {
    return wordBytes(nwords + j);
  }

  /** The token hash of entry {@code id} ({@link FastTextHash#hash}), kept from construction. */
  int hash(int id) {
    return table.hash(id);
  }

  public long count(int id) {
    return counts[id];
  }

  /** {@link #WORD} or {@link #LABEL}. */
  public byte type(int id) {
    return id < nwords ? WORD : LABEL;
  }

  /** The counts of the labels, in label order (descending). */
  public long[] labelCounts() {
    return Arrays.copyOfRange(counts, nwords, counts.length);
  }

  /** Whether a token starts with the label prefix. */
  public boolean isLabel(byte[] b, int off, int len) {
    return DictionaryBuilder.startsWith(b, off, len, labelPrefix);
  }

  /** The ids a word contributes: itself, then its character n-gram rows (when maxn > 0). */
  int[] subwords(int id) {
    return subwords[id];
  }

  /** The id of {@code </s>}, or -1 if it is not in the vocabulary. */
  public int eosId() {
    return eosId;
  }

  /**
   * Appends the character n-gram rows of a word (wrapped in {@code <} and {@code >}, stepping over
   * UTF-8 code points, lengths minn..maxn, no boundary 1-grams; fastText dictionary.cc:172-195).
   * Returns the scratch array, grown if needed.
   */
  byte[] charNgrams(byte[] b, int off, int len, byte[] scratch, IntList out) {
    if (maxn <= 0) {
      return scratch;
    }
    int n = len + 2;
    if (scratch.length < n) {
      scratch = new byte[Math.max(n, scratch.length * 2)];
    }
    scratch[0] = '<';
    System.arraycopy(b, off, scratch, 1, len);
    scratch[n - 1] = '>';
    for (int i = 0; i < n; i++) {
      if ((scratch[i] & 0xC0) == 0x80) {
        continue;
      }
      int j = i;
      for (int g = 1; j < n && g <= maxn; g++) {
        j++;
        while (j < n && (scratch[j] & 0xC0) == 0x80) {
          j++;
        }
        if (g >= minn && !(g == 1 && (i == 0 || j == n))) {
          int h = FastTextHash.hash(scratch, i, j - i);
          int row = FastTextHash.charBucket(h, bucket);
          if (prune == null) {
            out.add(nwords + row);
          } else if ((row = prune.rowOf(row)) >= 0) {
            out.add(nwords + row);
          }
        }
      }
    }
    return scratch;
  }
}
