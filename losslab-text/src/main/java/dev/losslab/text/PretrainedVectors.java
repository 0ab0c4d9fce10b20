package dev.losslab.text;

import dev.losslab.text.format.VecFile;
import java.util.Arrays;

/**
 * {@code -pretrainedVectors FILE.vec} as fastText 0.9.2 applies it ({@code getInputMatrixFromFile},
 * fasttext.cc:680-723), in two steps:
 *
 * <ol>
 *   <li>{@link #extend}: every word of the file is added to the dictionary built from the training
 *       data, as one more occurrence ({@code Dictionary::add}): a word already there gains 1 in its
 *       count, a new one enters with count 1 (a word the training data had below {@code -minCount}
 *       comes back this way, with count 1), and {@code ntokens} grows by the file's count. A token of
 *       the file that starts with the label prefix enters as a label, as in fastText. The entries are
 *       then sorted again, words before labels, each by descending count ({@code threshold(1, 0)}),
 *       ties in their previous order, new entries last.
 *   <li>{@link #copyRows}: after {@code A} is initialized as usual (uniform in {@code ±1/dim}), the row
 *       of every word of the file that is a word of the dictionary is overwritten with its vector
 *       (when a word appears twice, the later vector wins). Words the file lacks and every bucket row
 *       (word and character n-grams) keep their random values; label entries of the file are skipped.
 * </ol>
 *
 * <p>One difference: fastText adds the file's count to the {@code ntokens} its training budget is made
 * of, so with a large file it runs (ntokens + COUNT) / ntokens times the epochs asked for; losslab's
 * epochs stay exact passes over the training data. The stored {@code ntokens} is fastText's.
 */
final class PretrainedVectors {
  private PretrainedVectors() {}

  /** The dictionary with the file's words added, as fastText adds them. */
  static Dictionary extend(Dictionary d, Args args, VecFile vectors) {
    int size = d.size();
    int n = vectors.size();
    ByteTable added = new ByteTable(Math.max(16, n));
    long[] counts = new long[size + n];
    for (int i = 0; i < size; i++) {
      counts[i] = d.count(i);
    }
    int extra = 0;
    for (int i = 0; i < n; i++) {
      byte[] w = vectors.word(i);
      int h = FastTextHash.hash(w, 0, w.length);
      int id = d.find(w, 0, w.length, h);
      if (id >= 0) {
        counts[id]++;
        continue;
      }
      int j = added.find(w, 0, w.length, h);
      if (j < 0) {
        j = added.add(w, 0, w.length, h);
        extra++;
      }
      counts[size + j]++;
    }
    int total = size + extra;
    // sort key: type, then count descending, then previous position (existing entries first)
    long[] keys = new long[total];
    byte[][] words = new byte[total][];
    boolean[] label = new boolean[total];
    for (int i = 0; i < total; i++) {
      words[i] = i < size ? d.wordBytes(i) : added.key(i - size);
      label[i] = i < size ? i >= d.nwords() : d.isLabel(words[i], 0, words[i].length);
      long c = Math.min(counts[i], (1L << 36) - 1);
      keys[i] = ((label[i] ? 1L : 0L) << 62) | (((1L << 36) - 1 - c) << 25) | i;
    }
    if (total >= (1 << 25)) {
      throw new IllegalStateException("vocabulary too large: " + total);
    }
    Arrays.sort(keys);
    byte[][] sortedWords = new byte[total][];
    long[] sortedCounts = new long[total];
    int nwords = 0;
    for (int r = 0; r < total; r++) {
      int i = (int) (keys[r] & ((1 << 25) - 1));
      sortedWords[r] = words[i];
      sortedCounts[r] = counts[i];
      if (!label[i]) {
        nwords++;
      }
    }
    return new Dictionary(args, sortedWords, sortedCounts, nwords, d.ntokens() + n);
  }

  /** Overwrites the rows of the file's words that are words of {@code d}. */
  static void copyRows(Dictionary d, VecFile vectors, Model model) {
    if (vectors.dim() != model.dim()) {
      throw new IllegalArgumentException(
          "the vectors have dimension " + vectors.dim() + ", the model " + model.dim());
    }
    float[] a = model.input();
    int dim = model.dim();
    for (int i = 0; i < vectors.size(); i++) {
      byte[] w = vectors.word(i);
      int id = d.find(w, 0, w.length);
      if (id < 0 || id >= d.nwords()) {
        continue;
      }
      vectors.copyRow(i, a, id * dim);
    }
  }
}
