package dev.losslab.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A training file read, checked and encoded: its {@link Dictionary} and its usable lines, so that a bad
 * file fails before any training, with the file and line — an empty file, a line with labels but no
 * words, a line with words but no label, no label at all, a single label, invalid UTF-8. Empty lines are
 * allowed and skipped.
 *
 * <p><b>Memory bounded by the model, not the corpus.</b> {@link #read} keeps the encoded lines in a
 * {@link CorpusFile}, a compact temporary file (about two bytes a token with word bigrams) read
 * sequentially every epoch through a small buffer per thread, so the heap holds the vocabulary and the
 * model but no token of the corpus, and a corpus of more than 2<sup>31</sup> tokens trains like any
 * other. The text is read once: each token is counted and its entry index (order of first appearance)
 * written to a first scratch file; once the dictionary is built, that file is rewritten with the final
 * ids, the unusable lines left out, into the corpus file. Reading the text again each epoch, as fastText
 * does, would repeat the tokenizing and hashing — most of the cost of an epoch of a small model — and a
 * memory-mapped file would count its touched pages in the process's resident memory. Only if counting
 * had to prune the vocabulary (past 22.5 million distinct tokens, as fastText) are the indices of the
 * first file stale; the text is then read a second time and encoded line by line with a
 * {@link LineEncoder}. Either way the lines, their rows, labels and token counts are those of the
 * in-heap {@link Corpus} that {@link #inMemory} builds, so training on either gives the same model.
 *
 * <p>The temporary files go to the folder given to {@link #read(Source, String, Args, Path)} (the
 * command line passes the output's folder), by default {@code java.io.tmpdir}. They are deleted by
 * {@link #close()}, and on Linux they have no name from the moment they are created, so nothing is left
 * behind by a failure, Ctrl-C or {@code kill -9}.
 */
public final class TrainingData implements Closeable {
  private final Dictionary dictionary;
  private final EncodedLines lines;
  private Corpus heap;

  private TrainingData(Dictionary dictionary, EncodedLines lines) {
    this.dictionary = dictionary;
    this.lines = lines;
    this.heap = lines instanceof Corpus c ? c : null;
  }

  public Dictionary dictionary() {
    return dictionary;
  }

  /** The usable lines, as the trainer reads them. */
  public EncodedLines lines() {
    return lines;
  }

  /**
   * The usable lines in the heap: the {@link Corpus} itself for {@link #inMemory} data, otherwise the
   * corpus file read into one (and kept) on the first call — about four bytes a row, for small data
   * (experiments, tests), not for a corpus that only fits a file.
   */
  public synchronized Corpus corpus() {
    if (heap == null) {
      Corpus.Builder b = new Corpus.Builder();
      IntList rows = new IntList(64);
      IntList labels = new IntList(4);
      try (EncodedLines.Cursor c = lines.cursor(0, lines.lineCount())) {
        while (c.next()) {
          rows.clear();
          labels.clear();
          for (int i = c.rowsFrom(); i < c.rowsTo(); i++) {
            rows.add(c.rows()[i]);
          }
          for (int i = c.labelsFrom(); i < c.labelsTo(); i++) {
            labels.add(c.labels()[i]);
          }
          b.add(rows, labels, (int) Math.min(Integer.MAX_VALUE, c.tokens()));
        }
      }
      heap = b.build();
    }
    return heap;
  }

  /** Deletes the temporary corpus file, if any; the data cannot be trained on afterwards. */
  @Override
  public void close() {
    if (lines instanceof CorpusFile f) {
      f.close();
    }
  }

  /** Something that can open the same bytes more than once. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  /** Opens a file, with a clear message when it is missing or unreadable. */
  public static InputStream open(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new IllegalArgumentException(file + ": is a directory, not a file");
      }
      return new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
    }
  }

  /** The default folder of the temporary files: {@code java.io.tmpdir}. */
  public static Path defaultTempFolder() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** Reads and checks a training file into a temporary corpus file in {@code java.io.tmpdir}. */
  public static TrainingData read(Path file, Args args) {
    return read(() -> open(file), file.toString(), args);
  }

  /**
   * Reads and checks training data in fastText's format into a temporary corpus file in
   * {@code java.io.tmpdir}.
   *
   * @param source opened once (twice if the vocabulary is pruned while counting)
   * @param name the name used in messages
   */
  public static TrainingData read(Source source, String name, Args args) {
    return read(source, name, args, defaultTempFolder());
  }

  /**
   * As {@link #read(Source, String, Args)}, with the temporary files in {@code tempFolder}.
   *
   * @throws IllegalArgumentException for bad data, naming the file and line
   * @throws UncheckedIOException if the data or a temporary file cannot be read or written
   */
  public static TrainingData read(Source source, String name, Args args, Path tempFolder) {
    return OnePassEncoder.read(source, name, args, tempFolder, false);
  }

  /**
   * Reads and checks training data into an in-heap {@link Corpus}: the file read twice (count,
   * encode), every row kept in {@code int} arrays (about four bytes a token with word bigrams). For
   * small data; {@link #read} is what training files should use.
   */
  public static TrainingData inMemory(Source source, String name, Args args) {
    return inMemory(source, name, args, true);
  }

  /**
   * As {@link #inMemory(Source, String, Args)}; {@code compact} false keeps every input row of a word
   * n-gram model stored (a full corpus: the same rows, twice the memory for bigrams).
   */
  static TrainingData inMemory(Source source, String name, Args args, boolean compact) {
    DictionaryBuilder counter = new DictionaryBuilder(args);
    try (TokenReader r = new TokenReader(source.open(), name)) {
      counter.addAll(r);
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
    Dictionary dict = dictionary(counter, name, args);
    // every word token gives at most one unigram row and wordNgrams - 1 n-gram rows (without
    // character n-grams), and every line ends in </s>: size the corpus once. With word n-grams and
    // no character n-grams the corpus keeps one int per word token and hashes the n-grams when read.
    int eos = dict.eosId();
    long lines = (eos >= 0 ? dict.count(eos) : 0) + 1;
    Corpus.Builder corpus;
    if (dict.maxn() > 0) {
      corpus = new Corpus.Builder();
    } else if (compact && args.wordNgrams() > 1) {
      corpus = Corpus.Builder.compact(dict, counter.ntokens(), lines);
    } else {
      corpus = new Corpus.Builder(counter.ntokens() * args.wordNgrams(), lines);
    }
    LineEncoder enc = new LineEncoder(dict);
    LineChecks checks = new LineChecks(name, args);
    try (TokenReader r = new TokenReader(source.open(), name)) {
      int n;
      while ((n = enc.read(r)) > 0) {
        checks.line(enc.line(), enc.labelTokens(), enc.wordTokens());
        checks.throwIfAny();
        corpus.add(enc, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
    Corpus c = corpus.build();
    if (c.lines() == 0) {
      throw noUsableLine(name);
    }
    return new TrainingData(dict, c);
  }

  /** Wraps a finished corpus file (the encoders' result). */
  static TrainingData of(Dictionary dict, CorpusFile file) {
    return new TrainingData(dict, file);
  }

  /** Builds the dictionary of a counted file and checks that it can train a classifier. */
  static Dictionary dictionary(DictionaryBuilder counter, String name, Args args) {
    if (counter.ntokens() == 0) {
      throw new IllegalArgumentException(name + ": the file is empty");
    }
    Dictionary dict = counter.build();
    if (dict.nlabels() == 0) {
      throw new IllegalArgumentException(
          name + ": no labels (a label is a token starting with '" + args.label() + "'"
              + (args.minCountLabel() > 0 ? ", seen at least " + args.minCountLabel() + " times" : "")
              + ")");
    }
    if (dict.nlabels() == 1) {
      throw new IllegalArgumentException(
          name + ": only one label (" + dict.label(0) + "); a classifier needs at least two");
    }
    if (dict.nwords() == 0) {
      throw new IllegalArgumentException(
          name + ": no words" + (args.minCount() > 1 ? " seen at least " + args.minCount()
              + " times; try a smaller -minCount" : ""));
    }
    return dict;
  }

  static IllegalArgumentException noUsableLine(String name) {
    return new IllegalArgumentException(name + ": no line has both a known label and a word");
  }

  /**
   * The rules every line of a training file must follow, on its raw tokens: labels need words beside
   * them, words need a label. The first line that breaks one is remembered and reported after the
   * dictionary's own checks, so a file with no label at all says so rather than naming its first line.
   */
  static final class LineChecks {
    private final String name;
    private final Args args;
    private String first;

    LineChecks(String name, Args args) {
      this.name = name;
      this.args = args;
    }

    /** Checks one line from its first token's line number and its label and word tokens. */
    void line(long line, int labelTokens, int wordTokens) {
      if (first != null) {
        return;
      }
      if (labelTokens > 0 && wordTokens == 0) {
        first = name + ":" + line + ": the line has labels but no words";
      } else if (labelTokens == 0 && wordTokens > 0) {
        first = name + ":" + line + ": the line has words but no label (labels start with '"
            + args.label() + "')";
      }
    }

    /** Throws the first line's problem, if any. */
    void throwIfAny() {
      if (first != null) {
        throw new IllegalArgumentException(first);
      }
    }
  }

  /** Encodes a labelled file with an existing dictionary (validation data); lines with no known label are left out. */
  public static Corpus encode(Path file, Dictionary dict) {
    return encode(() -> open(file), file.toString(), dict);
  }

  /** Encodes labelled data in fastText's format with an existing dictionary. */
  public static Corpus encode(Source source, String name, Dictionary dict) {
    Corpus.Builder corpus = new Corpus.Builder();
    LineEncoder enc = new LineEncoder(dict);
    try (TokenReader r = new TokenReader(source.open(), name)) {
      int n;
      while ((n = enc.read(r)) > 0) {
        corpus.add(enc.words(), enc.labels(), n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
    return corpus.build();
  }
}
