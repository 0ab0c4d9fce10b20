package dev.losslab.text.format;

import java.util.Arrays;
import java.util.Objects;

/**
 * The {@code pruneidx} of a pruned fastText dictionary ({@code quantize -cutoff}; dictionary.cc
 * {@code prune}, {@code pushHash}): which hash buckets kept a row of the input matrix, and which. A word
 * or character n-gram that hashes to bucket {@code b} uses input row {@code nwords + row(b)}; when
 * {@code row(b)} is -1 the n-gram was pruned and the line does without it. An index of size 0 prunes
 * every bucket.
 *
 * <p>In the file (after the dictionary entries, when {@code pruneidx_size > 0}): {@code pruneidx_size}
 * pairs {@code int32 bucket, int32 row}, in any order (fastText writes its hash map's order). The pairs
 * are kept in the order given; lookups go through an open-addressing table built once. Immutable and
 * thread-safe.
 */
public final class PruneIndex {
  /** The most pairs an index holds (its lookup table then has 2³⁰ slots). */
  public static final int MAX_SIZE = 1 << 29;

  private final int[] buckets;
  private final int[] rows;
  private final int[] table;
  private final int mask;

  private PruneIndex(int[] buckets, int[] rows) {
    this.buckets = buckets;
    this.rows = rows;
    int cap = Integer.highestOneBit(Math.max(4, buckets.length * 2 + 1)) << 1;
    table = new int[cap];
    Arrays.fill(table, -1);
    mask = cap - 1;
    for (int i = 0; i < buckets.length; i++) {
      int slot = slot(buckets[i]);
      while (table[slot] >= 0) {
        if (buckets[table[slot]] == buckets[i]) {
          throw new IllegalArgumentException(
              "pruneidx bucket " + buckets[i] + " appears twice (pairs " + table[slot] + " and " + i + ")");
        }
        slot = (slot + 1) & mask;
      }
      table[slot] = i;
    }
  }

  /**
   * An index of the pairs {@code buckets[i] → rows[i]} (the arrays are copied).
   *
   * @throws IllegalArgumentException if the arrays differ in length, a bucket or row is negative, or a
   *     bucket appears twice
   */
  public static PruneIndex of(int[] buckets, int[] rows) {
    Objects.requireNonNull(buckets, "buckets");
    Objects.requireNonNull(rows, "rows");
    if (buckets.length != rows.length) {
      throw new IllegalArgumentException(
          "pruneidx of " + buckets.length + " buckets and " + rows.length + " rows");
    }
    if (buckets.length > MAX_SIZE) {
      throw new IllegalArgumentException(
          "pruneidx of " + buckets.length + " pairs is larger than supported (" + MAX_SIZE + ")");
    }
    for (int i = 0; i < buckets.length; i++) {
      if (buckets[i] < 0 || rows[i] < 0) {
        throw new IllegalArgumentException(
            "pruneidx pair " + i + " (" + buckets[i] + " → " + rows[i] + ") must not be negative");
      }
    }
    return new PruneIndex(buckets.clone(), rows.clone());
  }

  private int slot(int bucket) {
    return (bucket * 0x9E3779B9 >>> 7) & mask;
  }

  /** Number of pairs: the {@code pruneidx_size} of the file. */
  public int size() {
    return buckets.length;
  }

  /** The bucket of pair {@code i}, in the order given. */
  public int bucket(int i) {
    return buckets[i];
  }

  /** The row of pair {@code i}, in the order given. */
  public int row(int i) {
    return rows[i];
  }

  /** The row (after the words) that bucket {@code b} kept, or -1 when it was pruned. */
  public int rowOf(int b) {
    int slot = slot(b);
    int p;
    while ((p = table[slot]) >= 0) {
      if (buckets[p] == b) {
        return rows[p];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** The largest row plus one (0 for an empty index). */
  public int rowCount() {
    int max = -1;
    for (int r : rows) {
      max = Math.max(max, r);
    }
    return max + 1;
  }

  @Override
  public String toString() {
    return "PruneIndex[" + buckets.length + " buckets]";
  }
}
