package dev.losslab.text;

import dev.losslab.text.format.VecFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The vectors a classifier gives words and lines, as fastText 0.9.2 computes them (fasttext.cc
 * {@code getWordVector}, {@code getSentenceVector}, {@code saveVectors}):
 *
 * <ul>
 *   <li>a <b>word</b>'s vector is the mean of its subword rows of {@code A}: its own row and, with
 *       {@code maxn > 0}, its character n-gram rows; a word not in the vocabulary has only its
 *       character n-gram rows, and with none (e.g. {@code maxn 0}) its vector is zero. A label is not
 *       a word here (fastText 0.9.2 fails an assertion on one): it reads as a word not in the
 *       vocabulary;
 *   <li>a <b>line</b>'s vector (supervised models) is the hidden vector {@code h}: the mean of all
 *       its input rows — words, character n-grams, word n-grams, and {@code </s>} when the line ends
 *       in a newline — with no normalization, labels left out;
 *   <li>{@link #writeVec} writes every word of the dictionary with its word vector, in dictionary
 *       order: the {@code PREFIX.vec} fastText writes after training.
 * </ul>
 *
 * <p>The mean is taken as fastText takes it: rows summed in float in order, then multiplied by the
 * float nearest to {@code 1/n}. Holds scratch for one thread; the model is only read.
 */
public final class WordVectors {
  private final TextClassifier classifier;
  private final Dictionary dict;
  private final Model model;
  private final IntList rows = new IntList(32);
  private byte[] scratch = new byte[64];

  /** Vectors of {@code classifier}'s words and lines. */
  public WordVectors(TextClassifier classifier) {
    this.classifier = classifier;
    this.dict = classifier.dictionary();
    this.model = classifier.model();
  }

  /** The vector size. */
  public int dim() {
    return model.dim();
  }

  /**
   * Writes the vector of the word {@code b[off .. off+len)} into {@code out} (of length
   * {@link #dim()}).
   */
  public void word(byte[] b, int off, int len, float[] out) {
    rows.clear();
    int id = dict.find(b, off, len);
    if (id >= 0 && id < dict.nwords()) {
      if (dict.maxn() > 0) {
        for (int v : dict.subwords(id)) {
          rows.add(v);
        }
      } else {
        rows.add(id);
      }
    } else if (!(len == TokenReader.EOS_BYTES.length && startsWithEos(b, off))) {
      scratch = dict.charNgrams(b, off, len, scratch, rows);
    }
    model.hidden(rows.array(), 0, rows.size(), out);
  }

  private static boolean startsWithEos(byte[] b, int off) {
    for (int i = 0; i < TokenReader.EOS_BYTES.length; i++) {
      if (b[off + i] != TokenReader.EOS_BYTES[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes the vector of the line {@code enc} has just read into {@code out}: the mean of its input
   * rows, zero when it has none.
   */
  public void sentence(LineEncoder enc, float[] out) {
    IntList w = enc.words();
    model.hidden(w.array(), 0, w.size(), out);
  }

  /** Writes {@code file} atomically: every dictionary word and its vector, fastText's {@code .vec}. */
  public void writeVec(Path file) throws IOException {
    VecFile.write(file, dict.nwords(), model.dim(), dict::wordBytes, (i, out) -> {
      byte[] w = dict.wordBytes(i);
      word(w, 0, w.length, out);
    });
  }

  /** The classifier whose vectors these are. */
  public TextClassifier classifier() {
    return classifier;
  }
}
