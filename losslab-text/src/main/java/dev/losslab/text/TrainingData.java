package dev.losslab.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a training file in fastText's format twice — once to count the dictionary, once to encode the
 * corpus — and checks it, so that a bad file fails before any training, with the file and line:
 * an empty file, a line with labels but no words, a line with words but no label, no label at all, a
 * single label, invalid UTF-8. Empty lines are allowed and skipped.
 */
public final class TrainingData {
  private final Dictionary dictionary;
  private final Corpus corpus;

  private TrainingData(Dictionary dictionary, Corpus corpus) {
    this.dictionary = dictionary;
    this.corpus = corpus;
  }

  public Dictionary dictionary() {
    return dictionary;
  }

  public Corpus corpus() {
    return corpus;
  }

  /** Something that can open the same bytes twice. */
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

  /** Reads and checks a training file. */
  public static TrainingData read(Path file, Args args) {
    return read(() -> open(file), file.toString(), args);
  }

  /**
   * Reads and checks training data in fastText's format.
   *
   * @param source opened twice
   * @param name the name used in messages
   */
  public static TrainingData read(Source source, String name, Args args) {
    return read(source, name, args, true);
  }

  /**
   * As {@link #read(Source, String, Args)}; {@code compact} false keeps every input row of a word
   * n-gram model stored (a full corpus: the same rows, twice the memory for bigrams).
   */
  static TrainingData read(Source source, String name, Args args, boolean compact) {
    DictionaryBuilder counter = new DictionaryBuilder(args);
    try (TokenReader r = new TokenReader(source.open(), name)) {
      counter.addAll(r);
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
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
    try (TokenReader r = new TokenReader(source.open(), name)) {
      int n;
      while ((n = enc.read(r)) > 0) {
        if (enc.labelTokens() > 0 && enc.wordTokens() == 0) {
          throw new IllegalArgumentException(
              name + ":" + enc.line() + ": the line has labels but no words");
        }
        if (enc.labelTokens() == 0 && enc.wordTokens() > 0) {
          throw new IllegalArgumentException(
              name + ":" + enc.line() + ": the line has words but no label (labels start with '"
                  + args.label() + "')");
        }
        corpus.add(enc, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
    Corpus c = corpus.build();
    if (c.lines() == 0) {
      throw new IllegalArgumentException(name + ": no line has both a known label and a word");
    }
    return new TrainingData(dict, c);
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
