package dev.losslab.text;

import dev.losslab.text.format.VecFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a training file in fastText's format twice — once to count the dictionary, once to encode the
 * corpus — and checks it, so that a file that cannot train fails before any training, with the file
 * (and line): an empty file, no label at all, a single label, no word.
 *
 * <p>Lines are read as fastText reads them, and the doubtful ones are counted in {@link #issues()}
 * (one {@link InputIssue} per kind, with the first line) for a warning: tokens that are not valid
 * UTF-8 are bytes like any other, hashed and stored as such; a line with labels but no words is an
 * example whose one input is {@code </s>}; a line with words but no label is skipped (its tokens still
 * count in the learning-rate schedule). Empty lines are skipped. With {@link Options#strict()} each
 * of these three is an error naming the file and line instead.
 *
 * <p>With {@link Options#pretrainedVectors()} the file's words join the dictionary as fastText adds
 * them, and {@link #initialize} copies their vectors into a new input matrix
 * ({@link PretrainedVectors}).
 */
public final class TrainingData {
  private final Dictionary dictionary;
  private final Corpus corpus;
  private final List<InputIssue> issues;
  private final VecFile pretrained;

  private TrainingData(Dictionary dictionary, Corpus corpus, List<InputIssue> issues,
      VecFile pretrained) {
    this.dictionary = dictionary;
    this.corpus = corpus;
    this.issues = List.copyOf(issues);
    this.pretrained = pretrained;
  }

  /** The vocabulary of the data (with the words of {@link Options#pretrainedVectors()}, if given). */
  public Dictionary dictionary() {
    return dictionary;
  }

  /** The encoded lines. */
  public Corpus corpus() {
    return corpus;
  }

  /** The doubtful lines that were read as fastText reads them, one entry per kind; empty if none. */
  public List<InputIssue> issues() {
    return issues;
  }

  /**
   * Prepares a newly initialized input matrix for training: with {@code -pretrainedVectors}, the rows
   * of the file's words that are words of the dictionary take their vectors (as fastText 0.9.2); a
   * no-op otherwise.
   *
   * @throws IllegalArgumentException if the model does not have the vectors' dimension
   */
  public void initialize(Model model) {
    if (pretrained != null) {
      PretrainedVectors.copyRows(dictionary, pretrained, model);
    }
  }

  /**
   * How to read training data.
   *
   * @param strict whether invalid UTF-8, a line with labels but no words and a line with words but no
   *     label are errors (naming the file and line) rather than read as fastText reads them
   * @param pretrainedVectors word vectors to start from ({@code -pretrainedVectors}), or null
   */
  public record Options(boolean strict, VecFile pretrainedVectors) {
    /** fastText's rules, no pretrained vectors. */
    public static final Options DEFAULT = new Options(false, null);

    /** These options, strict or not. */
    public Options withStrict(boolean s) {
      return new Options(s, pretrainedVectors);
    }

    /** These options with word vectors to start from (null for none). */
    public Options withPretrainedVectors(VecFile v) {
      return new Options(strict, v);
    }
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

  /** Reads and checks a training file with the given options. */
  public static TrainingData read(Path file, Args args, Options options) {
    return read(() -> open(file), file.toString(), args, options);
  }

  /**
   * Reads and checks training data in fastText's format.
   *
   * @param source opened twice
   * @param name the name used in messages
   */
  public static TrainingData read(Source source, String name, Args args) {
    return read(source, name, args, Options.DEFAULT);
  }

  /**
   * Reads and checks training data in fastText's format with the given options.
   *
   * @param source opened twice
   * @param name the name used in messages
   * @throws IllegalArgumentException if the data cannot train (or, with {@link Options#strict()}, at
   *     the first doubtful line), naming the file and line
   */
  public static TrainingData read(Source source, String name, Args args, Options options) {
    return read(source, name, args, options, true);
  }

  /**
   * As {@link #read(Source, String, Args)}; {@code compact} false keeps every input row of a word
   * n-gram model stored (a full corpus: the same rows, twice the memory for bigrams).
   */
  static TrainingData read(Source source, String name, Args args, boolean compact) {
    return read(source, name, args, Options.DEFAULT, compact);
  }

  private static TokenReader reader(Source source, String name, boolean strict) throws IOException {
    InputStream in = source.open();
    return strict ? TokenReader.strict(in, name) : new TokenReader(in, name);
  }

  private static TrainingData read(Source source, String name, Args args, Options options,
      boolean compact) {
    VecFile pretrained = options.pretrainedVectors();
    if (pretrained != null && pretrained.dim() != args.dim()) {
      throw new IllegalArgumentException("the pretrained vectors have dimension " + pretrained.dim()
          + ", -dim is " + args.dim() + " (train with -dim " + pretrained.dim() + ")");
    }
    List<InputIssue> issues = new ArrayList<>(3);
    DictionaryBuilder counter = new DictionaryBuilder(args);
    try (TokenReader r = reader(source, name, options.strict())) {
      counter.addAll(r);
      if (r.invalidUtf8Lines() > 0) {
        issues.add(new InputIssue(InputIssue.Kind.INVALID_UTF8, r.invalidUtf8Lines(), name,
            r.firstInvalidUtf8Line()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
    if (counter.ntokens() == 0) {
      throw new IllegalArgumentException(name + ": the file is empty");
    }
    Dictionary dict = counter.build();
    if (pretrained != null) {
      dict = PretrainedVectors.extend(dict, args, pretrained);
    }
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
    long labelsOnly = 0;
    long firstLabelsOnly = 0;
    long wordsOnly = 0;
    long firstWordsOnly = 0;
    boolean strict = options.strict();
    // the first pass has checked the bytes: this one reads them as they are
    try (TokenReader r = new TokenReader(source.open(), name)) {
      int n;
      while ((n = enc.read(r)) > 0) {
        if (enc.labelTokens() > 0 && enc.wordTokens() == 0) {
          if (strict) {
            throw new IllegalArgumentException(
                name + ":" + enc.line() + ": the line has labels but no words");
          }
          if (labelsOnly++ == 0) {
            firstLabelsOnly = enc.line();
          }
        } else if (enc.labelTokens() == 0 && enc.wordTokens() > 0) {
          if (strict) {
            throw new IllegalArgumentException(
                name + ":" + enc.line() + ": the line has words but no label (labels start with '"
                    + args.label() + "')");
          }
          if (wordsOnly++ == 0) {
            firstWordsOnly = enc.line();
          }
        }
        // a line of labels alone holds </s> as its one input row, and trains on it (fastText)
        corpus.add(enc, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
    if (labelsOnly > 0) {
      issues.add(new InputIssue(InputIssue.Kind.LABELS_WITHOUT_WORDS, labelsOnly, name,
          firstLabelsOnly));
    }
    if (wordsOnly > 0) {
      issues.add(new InputIssue(InputIssue.Kind.WORDS_WITHOUT_LABEL, wordsOnly, name,
          firstWordsOnly));
    }
    Corpus c = corpus.build();
    if (c.lines() == 0) {
      throw new IllegalArgumentException(name + ": no line has both a known label and an input");
    }
    return new TrainingData(dict, c, issues, pretrained);
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
