package dev.losslab.text;

import java.nio.charset.StandardCharsets;

/**
 * fastText's hashes, bit for bit, so that a bucket id means the same row in a fastText model.
 *
 * <ul>
 *   <li>Token hash: FNV-1a over the UTF-8 bytes with fastText's signed-byte quirk — each byte is
 *       sign-extended before the XOR ({@code h ^= int8(b); h *= 16777619}, from 2166136261), so bytes
 *       ≥ 0x80 differ from textbook FNV-1a (fastText dictionary.cc:155-170).
 *   <li>Word n-gram mix: {@code h = h·116049371 + next} in unsigned 64-bit arithmetic, each 32-bit token
 *       hash sign-extended to 64 bits, bucket = unsigned {@code h mod bucket} (dictionary.cc:312-323).
 *   <li>Character n-gram bucket: unsigned 32-bit {@code hash mod bucket} (dictionary.cc:172-195).
 * </ul>
 */
public final class FastTextHash {
  private FastTextHash() {}

  /** FNV offset basis. */
  static final int OFFSET = (int) 2166136261L;
  /** FNV prime. */
  static final int PRIME = 16777619;
  /** fastText's word n-gram multiplier. */
  public static final long NGRAM_MIX = 116049371L;

  /** The token hash of {@code b[off .. off+len)} as fastText computes it (an unsigned value in an int). */
  public static int hash(byte[] b, int off, int len) {
    int h = OFFSET;
    for (int i = off, end = off + len; i < end; i++) {
      h ^= b[i]; // Java bytes are signed: this is fastText's int8 -> uint32 sign extension
      h *= PRIME;
    }
    return h;
  }

  /** The token hash of a string's UTF-8 bytes. */
  public static int hash(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return hash(b, 0, b.length);
  }

  /** One step of the word n-gram chain: {@code h·116049371 + next}, next sign-extended. */
  public static long mix(long h, int next) {
    return h * NGRAM_MIX + next;
  }

  /** The start of a word n-gram chain: the token hash sign-extended to 64 bits. */
  public static long start(int tokenHash) {
    return tokenHash;
  }

  /** Bucket of a word n-gram chain value: unsigned 64-bit remainder. */
  public static int ngramBucket(long h, int bucket) {
    return (int) Long.remainderUnsigned(h, bucket);
  }

  /**
   * Appends the input rows of a line's word n-grams of lengths {@code 2..n}, ordered by start then end
   * (dictionary.cc:312-323): row {@code nwords + ngramBucket(chain)} for each chain over
   * {@code hashes[i..j]}, {@code j - i < n}. Nothing for {@code n <= 1}.
   *
   * @param hashes the token hashes of the line's word tokens, valid up to {@code size}
   */
  public static void addWordNgrams(int[] hashes, int size, int n, int nwords, int bucket,
      IntList out) {
    if (n <= 1) {
      return;
    }
    for (int i = 0; i < size; i++) {
      long h = start(hashes[i]);
      for (int j = i + 1; j < size && j < i + n; j++) {
        h = mix(h, hashes[j]);
        out.add(nwords + ngramBucket(h, bucket));
      }
    }
  }

  /** Bucket of a character n-gram: unsigned 32-bit remainder of its token hash. */
  public static int charBucket(int tokenHash, int bucket) {
    return Integer.remainderUnsigned(tokenHash, bucket);
  }
}
