package dev.losslab.text.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The dictionary block of a fastText model file as it was read: one byte array per entry (its UTF-8
 * bytes as stored, without the NUL) and one {@code long} count per entry, words first (ids
 * {@code 0..nwords-1}), then labels. There is no {@code String} and no entry object per word, so a
 * vocabulary can keep the arrays as its own keys: this is what {@link FastTextBinary#readCompact}
 * returns, and {@link #toDictionary()} gives the {@link FastTextDictionary} record when strings are
 * wanted.
 *
 * <p>Built only by the reader, which has checked every entry: not empty, no {@code 0x00} byte, count
 * {@code >= 0}, the type byte matching the id (words before labels). The bytes are not decoded, so
 * they are not checked to be UTF-8 (fastText splits on bytes). Immutable as long as no caller changes
 * the arrays {@link #wordBytes} returns.
 */
public final class DictionaryBytes implements DictionaryEntries {
  private final int nwords;
  private final long ntokens;
  private final byte[][] words;
  private final long[] counts;

  /** Keeps the arrays (not copied): the reader hands over arrays nothing else refers to. */
  DictionaryBytes(int nwords, long ntokens, byte[][] words, long[] counts) {
    if (words.length != counts.length || nwords < 0 || nwords > words.length || ntokens < 0) {
      throw new IllegalArgumentException("dictionary of " + words.length + " entries, "
          + counts.length + " counts, nwords " + nwords + ", ntokens " + ntokens);
    }
    this.nwords = nwords;
    this.ntokens = ntokens;
    this.words = words;
    this.counts = counts;
  }

  @Override
  public int nwords() {
    return nwords;
  }

  @Override
  public int nlabels() {
    return words.length - nwords;
  }

  @Override
  public long ntokens() {
    return ntokens;
  }

  /** Number of entries, {@code nwords + nlabels} (the file's {@code size}). */
  public int size() {
    return words.length;
  }

  /** The bytes of entry {@code id} as stored in the file (not a copy: do not change them). */
  @Override
  public byte[] wordBytes(int id) {
    return words[id];
  }

  @Override
  public long count(int id) {
    return counts[id];
  }

  /**
   * The same dictionary as the {@link FastTextDictionary} record {@link FastTextBinary#read} gives:
   * words decoded as UTF-8 (U+FFFD for each invalid sequence), one {@code String} and one entry per
   * word.
   */
  public FastTextDictionary toDictionary() {
    List<FastTextDictionary.Entry> entries = new ArrayList<>(words.length);
    for (int i = 0; i < words.length; i++) {
      entries.add(new FastTextDictionary.Entry(new String(words[i], StandardCharsets.UTF_8),
          counts[i], i < nwords ? FastTextDictionary.EntryType.WORD
              : FastTextDictionary.EntryType.LABEL));
    }
    return new FastTextDictionary(nwords, nlabels(), ntokens, entries);
  }
}
