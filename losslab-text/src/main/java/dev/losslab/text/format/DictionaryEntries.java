package dev.losslab.text.format;

/**
 * The dictionary block of a fastText model file as the writer reads it: the counts, then for each entry
 * id its UTF-8 bytes and its count, words first (ids {@code 0..nwords-1}), then labels. It lets a model
 * be written straight from the byte arrays a vocabulary already holds, with no {@code String} or entry
 * object per word; {@link FastTextDictionary} (what {@link FastTextBinary#read} returns) is one
 * implementation, a trained classifier's vocabulary another.
 *
 * <p>The type byte of an entry is not asked for: the file keeps words before labels, so it follows from
 * the id. The bytes are written as they are (fastText splits on bytes and writes them back unchanged).
 */
public interface DictionaryEntries {
  /** Number of word entries (ids {@code 0..nwords-1}); {@code >= 0}. */
  int nwords();

  /** Number of label entries (ids {@code nwords..nwords+nlabels-1}); {@code >= 0}. */
  int nlabels();

  /** Tokens in the training data, labels and {@code </s>} included; {@code >= 0}. */
  long ntokens();

  /**
   * The bytes of entry {@code id}: not empty, no {@code 0x00} byte. Not copied by the writer, which
   * does not change them.
   */
  byte[] wordBytes(int id);

  /** The number of occurrences of entry {@code id}; {@code >= 0}. */
  long count(int id);
}
