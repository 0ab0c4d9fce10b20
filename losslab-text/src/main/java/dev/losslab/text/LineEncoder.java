package dev.losslab.text;

/**
 * Turns one line of tokens into the input rows and label ids of an example, as fastText's supervised
 * {@code Dictionary::getLine} (dictionary.cc:378-407):
 *
 * <ul>
 *   <li>a word in the vocabulary adds its row (and its character n-gram rows when maxn &gt; 0); an
 *       unknown word adds only its character n-gram rows; {@code </s>} is a word like the others;
 *   <li>every word token, known or not, enters the word n-gram hash chain; labels do not, so an n-gram
 *       may span a label in the middle of the text;
 *   <li>a known label adds its label id; an unknown one is dropped (and counted here);
 *   <li>after the unigrams come the word n-grams of lengths 2..wordNgrams, ordered by start then end.
 * </ul>
 *
 * <p>Mutable scratch for one thread; reuse it for every line.
 */
public final class LineEncoder {
  private final Dictionary dict;
  private final int nwords;
  private final IntList words = new IntList(64);
  private final IntList labels = new IntList(4);
  private final IntList hashes = new IntList(64);
  private final IntList tokenIds = new IntList(64);
  private byte[] scratch = new byte[64];
  private long line;
  private int wordTokens;
  private int labelTokens;
  private int unknownLabels;
  private String firstUnknownLabel;

  public LineEncoder(Dictionary dict) {
    this.dict = dict;
    this.nwords = dict.nwords();
  }

  /**
   * Reads the tokens of the next line, through its {@code </s>}.
   *
   * @return the number of tokens read (words, labels, {@code </s>}); 0 at the end of the stream
   */
  public int read(TokenReader r) {
    words.clear();
    labels.clear();
    hashes.clear();
    tokenIds.clear();
    wordTokens = 0;
    labelTokens = 0;
    unknownLabels = 0;
    firstUnknownLabel = null;
    int ntokens = 0;
    boolean sub = dict.maxn() > 0;
    while (r.next()) {
      if (ntokens == 0) {
        line = r.line();
      }
      ntokens++;
      byte[] b = r.bytes();
      int off = r.offset();
      int len = r.length();
      int h = FastTextHash.hash(b, off, len);
      int id = dict.find(b, off, len, h);
      boolean label = id >= 0 ? id >= nwords : dict.isLabel(b, off, len);
      if (!label) {
        boolean eos = r.isEos();
        if (!eos) {
          wordTokens++;
        }
        if (id >= 0) {
          if (sub) {
            int[] s = dict.subwords(id);
            for (int v : s) {
              words.add(v);
            }
          } else {
            words.add(id);
          }
        } else if (sub && !eos) {
          scratch = dict.charNgrams(b, off, len, scratch, words);
        }
        hashes.add(h);
        tokenIds.add(id);
      } else {
        labelTokens++;
        if (id >= 0) {
          labels.add(id - nwords);
        } else {
          if (unknownLabels++ == 0) {
            firstUnknownLabel = r.token();
          }
        }
      }
      if (r.isEos()) {
        break;
      }
    }
    addWordNgrams();
    return ntokens;
  }

  private void addWordNgrams() {
    int from = words.size();
    FastTextHash.addWordNgrams(hashes.array(), hashes.size(), dict.wordNgrams(), nwords,
        dict.bucket(), words);
    dict.pruneRows(words, from);
  }

  /** Input rows of the line (with duplicates). */
  public IntList words() {
    return words;
  }

  /**
   * The token hash of each word token of the line ({@code </s>} included, labels not, known or not):
   * the chain the word n-grams are hashed from.
   */
  public IntList hashes() {
    return hashes;
  }

  /** The id of each word token of {@link #hashes()}, or -1 for one not in the vocabulary. */
  public IntList tokenIds() {
    return tokenIds;
  }

  /** Label ids of the line (0-based among labels). */
  public IntList labels() {
    return labels;
  }

  /** The 1-based line number of the line's first token. */
  public long line() {
    return line;
  }

  /** Word tokens on the line, not counting {@code </s>}. */
  public int wordTokens() {
    return wordTokens;
  }

  /** Label tokens on the line, known or not. */
  public int labelTokens() {
    return labelTokens;
  }

  /** Label tokens on the line that are not in the dictionary. */
  public int unknownLabels() {
    return unknownLabels;
  }

  /** The first unknown label of the line, or null. */
  public String firstUnknownLabel() {
    return firstUnknownLabel;
  }
}
