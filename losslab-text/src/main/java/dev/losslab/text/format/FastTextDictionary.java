package dev.losslab.text.format;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The dictionary block of a fastText model file: the counts, then one entry per word or label, words
 * first (ids {@code 0..nwords-1}) then labels (ids {@code nwords..size-1}; the model's label index is
 * {@code id - nwords}), in the order the file stores them.
 *
 * <p>File layout (little-endian): {@code int32 size, int32 nwords, int32 nlabels, int64 ntokens,
 * int64 pruneidx_size}, then {@code size} × {@code {word bytes (UTF-8), 0x00, int64 count, int8 type}}.
 * {@code pruneidx_size} is always {@code -1} here: fastText itself refuses a pruned dictionary in a
 * non-quantized model, and quantized models are not supported, so the record has no field for it.
 *
 * <p>Words are decoded as UTF-8; a word whose bytes are not valid UTF-8 (fastText splits on bytes, so a
 * non-UTF-8 training file can produce one) is read with U+FFFD in place of each bad sequence. Source:
 * fastText v0.9.2 {@code dictionary.cc} ({@code Dictionary::save}, {@code load}, {@code dump}).
 *
 * @param nwords number of word entries (first in {@code entries})
 * @param nlabels number of label entries (after the words)
 * @param ntokens number of tokens in the training data, labels and {@code </s>} included
 * @param entries the entries, words then labels (copied into an unmodifiable list)
 */
public record FastTextDictionary(int nwords, int nlabels, long ntokens, List<Entry> entries)
    implements DictionaryEntries {

  /**
   * Checks that the counts agree with the entries.
   *
   * @throws IllegalArgumentException if {@code nwords} or {@code nlabels} is negative, their sum is not
   *     {@code entries.size()}, a word entry sits among the labels or the reverse, or {@code ntokens < 0}
   */
  public FastTextDictionary {
    entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    if (nwords < 0 || nlabels < 0 || (long) nwords + nlabels != entries.size()) {
      throw new IllegalArgumentException(
          "dictionary counts nwords (" + nwords + ") + nlabels (" + nlabels + ") must equal the "
              + entries.size() + " entries");
    }
    if (ntokens < 0) {
      throw new IllegalArgumentException("ntokens (" + ntokens + ") must be >= 0");
    }
    for (int i = 0; i < entries.size(); i++) {
      EntryType expected = i < nwords ? EntryType.WORD : EntryType.LABEL;
      if (entries.get(i).type() != expected) {
        throw new IllegalArgumentException(
            "dictionary entry " + i + " ('" + entries.get(i).word() + "') is a "
                + entries.get(i).type().dumpName() + " but entries 0.." + (nwords - 1)
                + " must be words and the rest labels");
      }
    }
  }

  /** Number of entries, {@code nwords + nlabels} (the file's {@code size}). */
  public int size() {
    return entries.size();
  }

  /** The UTF-8 bytes of entry {@code id}'s word (a new array on every call). */
  @Override
  public byte[] wordBytes(int id) {
    return entries.get(id).word().getBytes(StandardCharsets.UTF_8);
  }

  /** The count of entry {@code id}. */
  @Override
  public long count(int id) {
    return entries.get(id).count();
  }

  /**
   * The text {@code fasttext dump MODEL dict} prints: the entry count, then {@code word count type} per
   * entry, type being {@code word} or {@code label}.
   */
  public String dump() {
    StringBuilder out = new StringBuilder(32 * entries.size() + 16);
    out.append(entries.size()).append('\n');
    for (Entry e : entries) {
      out.append(e.word()).append(' ').append(e.count()).append(' ').append(e.type().dumpName());
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * One dictionary entry.
   *
   * @param word the token as it appeared in the training data (no NUL character, not empty)
   * @param count its number of occurrences
   * @param type word or label
   */
  public record Entry(String word, long count, EntryType type) {
    /**
     * @throws IllegalArgumentException if {@code word} is empty or contains NUL, or {@code count < 0}
     */
    public Entry {
      Objects.requireNonNull(word, "word");
      Objects.requireNonNull(type, "type");
      if (word.isEmpty() || word.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(
            "dictionary word '" + word.replace("\0", "\\0") + "' must be non-empty and contain no NUL");
      }
      if (count < 0) {
        throw new IllegalArgumentException(
            "count (" + count + ") of dictionary word '" + word + "' must be >= 0");
      }
    }
  }

  /** fastText's {@code entry_type}: the int8 after each entry's count. */
  public enum EntryType {
    /** A word, stored as 0. */
    WORD,
    /** A label, stored as 1. */
    LABEL;

    /** The int8 stored in the file: 0 for a word, 1 for a label. */
    public byte code() {
      return (byte) ordinal();
    }

    String dumpName() {
      return this == WORD ? "word" : "label";
    }
  }
}
