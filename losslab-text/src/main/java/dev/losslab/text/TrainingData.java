package dev.losslab.text;

import dev.losslab.text.format.VecFile;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A training file read, checked and encoded: its {@link Dictionary} and its usable lines, so that a file
 * that cannot train fails before any training, with the file (and line): an empty file, no label at
 * all, a single label, no word.
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
 *
 * <p><b>Memory bounded by the model, not the corpus.</b> {@link #read} keeps the encoded lines in a
 * {@link CorpusFile}, a compact temporary file (about two bytes a token with word bigrams) read
 * sequentially every epoch through a small buffer per thread, so the heap holds the vocabulary and the
 * model but no token of the corpus, and a corpus of more than 2<sup>31</sup> tokens trains like any
 * other. The text is read once ({@link OnePassEncoder}): each token is counted, each line judged, and
 * the token's entry index (order of first appearance) written to a first scratch file; once the
 * dictionary is built, that file is rewritten with the final ids, the unusable lines left out, into the
 * corpus file. Reading the text again each epoch, as fastText does, would repeat the tokenizing and
 * hashing — most of the cost of an epoch of a small model — and a memory-mapped file would count its
 * touched pages in the process's resident memory. Only if counting had to prune the vocabulary (past
 * 22.5 million distinct tokens, as fastText) are the indices of the first file stale; the text is then
 * read a second time and encoded line by line with a {@link LineEncoder}. Either way the dictionary,
 * the issues, the lines, their rows, labels and token counts are those of the in-heap {@link Corpus}
 * that {@link #inMemory} builds (the same first pass, then a {@link LineEncoder}), so training on
 * either gives the same model.
 *
 * <p>The temporary files go to {@link Options#tempFolder()} (the command line passes the output's
 * folder), by default {@code java.io.tmpdir}. They are deleted by {@link #close()}, and on Linux they
 * have no name from the moment they are created, so nothing is left behind by a failure, Ctrl-C or
 * {@code kill -9}.
 */
public final class TrainingData implements Closeable {
  private final Dictionary dictionary;
  private final EncodedLines lines;
  private final List<InputIssue> issues;
  private final VecFile pretrained;
  private Corpus heap;

  private TrainingData(Dictionary dictionary, EncodedLines lines, List<InputIssue> issues,
      VecFile pretrained) {
    this.dictionary = dictionary;
    this.lines = lines;
    this.issues = List.copyOf(issues);
    this.pretrained = pretrained;
    this.heap = lines instanceof Corpus c ? c : null;
  }

  /** The vocabulary of the data (with the words of {@link Options#pretrainedVectors()}, if given). */
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

  /** Deletes the temporary corpus file, if any; the data cannot be trained on afterwards. */
  @Override
  public void close() {
    if (lines instanceof CorpusFile f) {
      f.close();
    }
  }

  /**
   * How to read training data.
   *
   * @param strict whether invalid UTF-8, a line with labels but no words and a line with words but no
   *     label are errors (naming the file and line) rather than read as fastText reads them
   * @param pretrainedVectors word vectors to start from ({@code -pretrainedVectors}), or null
   * @param tempFolder the folder of the temporary corpus file of {@link #read}, or null for
   *     {@code java.io.tmpdir}
   */
  public record Options(boolean strict, VecFile pretrainedVectors, Path tempFolder) {
    /** fastText's rules, no pretrained vectors, temporary files in {@code java.io.tmpdir}. */
    public static final Options DEFAULT = new Options(false, null, null);

    /** These options, strict or not. */
    public Options withStrict(boolean s) {
      return new Options(s, pretrainedVectors, tempFolder);
    }

    /** These options with word vectors to start from (null for none). */
    public Options withPretrainedVectors(VecFile v) {
      return new Options(strict, v, tempFolder);
    }

    /** These options with the temporary files in {@code folder} (null for {@code java.io.tmpdir}). */
    public Options withTempFolder(Path folder) {
      return new Options(strict, pretrainedVectors, folder);
    }

    /** The folder of the temporary files: {@link #tempFolder()}, or {@code java.io.tmpdir}. */
    Path folder() {
      return tempFolder != null ? tempFolder : Path.of(System.getProperty("java.io.tmpdir"));
    }
  }

  /** Something that can open the same bytes more than once. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  /**
   * A training file as a source: {@link #read} counts a large one in {@code -thread} parts at once
   * (each part a range of lines), which a plain {@link Source} cannot offer.
   */
  public static Source file(Path file) {
    return new FileSource(file);
  }

  /** {@link #file}'s source. */
  record FileSource(Path file) implements Source {
    @Override
    public InputStream open() {
      return TrainingData.open(file);
    }
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

  /** Reads and checks a training file into a temporary corpus file in {@code java.io.tmpdir}. */
  public static TrainingData read(Path file, Args args) {
    return read(file(file), file.toString(), args);
  }

  /** Reads and checks a training file with the given options. */
  public static TrainingData read(Path file, Args args, Options options) {
    return read(file(file), file.toString(), args, options);
  }

  /**
   * Reads and checks training data in fastText's format into a temporary corpus file in
   * {@code java.io.tmpdir}.
   *
   * @param source opened once (twice if the vocabulary is pruned while counting)
   * @param name the name used in messages
   */
  public static TrainingData read(Source source, String name, Args args) {
    return read(source, name, args, Options.DEFAULT);
  }

  /**
   * Reads and checks training data in fastText's format with the given options, into a temporary
   * corpus file in {@link Options#tempFolder()}.
   *
   * @param source opened once (twice if the vocabulary is pruned while counting)
   * @param name the name used in messages
   * @throws IllegalArgumentException if the data cannot train (or, with {@link Options#strict()}, at
   *     the first doubtful line), naming the file and line
   * @throws UncheckedIOException if the data or a temporary file cannot be read or written
   */
  public static TrainingData read(Source source, String name, Args args, Options options) {
    return OnePassEncoder.read(source, name, args, options, false);
  }

  /**
   * Reads and checks training data into an in-heap {@link Corpus}: the file read twice (count,
   * encode), every row kept in {@code int} arrays (about four bytes a token with word bigrams). For
   * small data; {@link #read} is what training files should use.
   */
  public static TrainingData inMemory(Source source, String name, Args args) {
    return inMemory(source, name, args, Options.DEFAULT);
  }

  /** As {@link #inMemory(Source, String, Args)}, with the given options. */
  public static TrainingData inMemory(Source source, String name, Args args, Options options) {
    return inMemory(source, name, args, options, true);
  }

  /**
   * As {@link #inMemory(Source, String, Args)}; {@code compact} false keeps every input row of a word
   * n-gram model stored (a full corpus: the same rows, twice the memory for bigrams).
   */
  static TrainingData inMemory(Source source, String name, Args args, boolean compact) {
    return inMemory(source, name, args, Options.DEFAULT, compact);
  }

  private static TrainingData inMemory(Source source, String name, Args args, Options options,
      boolean compact) {
    checkDimension(args, options);
    DictionaryBuilder counter = new DictionaryBuilder(args);
    InputIssues issues = new InputIssues(name, args, options.strict());
    OnePassEncoder.count(source, name, args, options.strict(), counter, issues, null);
    Dictionary dict = dictionary(counter, name, args, options);
    issues.throwIfStrict();
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
    // the first pass has judged the lines and checked the bytes: this one reads them as they are
    try (TokenReader r = new TokenReader(source.open(), name)) {
      int n;
      while ((n = enc.read(r)) > 0) {
        // a line of labels alone holds </s> as its one input row, and trains on it (fastText)
        corpus.add(enc, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
    Corpus c = corpus.build();
    if (c.lines() == 0) {
      throw noUsableLine(name);
    }
    return new TrainingData(dict, c, issues.list(), options.pretrainedVectors());
  }

  /** Wraps a finished corpus file (the encoders' result). */
  static TrainingData of(Dictionary dict, CorpusFile file, InputIssues issues, Options options) {
    return new TrainingData(dict, file, issues.list(), options.pretrainedVectors());
  }

  /** Refuses pretrained vectors whose dimension is not {@code -dim}, before the data is read. */
  static void checkDimension(Args args, Options options) {
    VecFile pretrained = options.pretrainedVectors();
    if (pretrained != null && pretrained.dim() != args.dim()) {
      throw new IllegalArgumentException("the pretrained vectors have dimension " + pretrained.dim()
          + ", -dim is " + args.dim() + " (train with -dim " + pretrained.dim() + ")");
    }
  }

  /**
   * Builds the dictionary of a counted file (with the words of the pretrained vectors, if any) and
   * checks that it can train a classifier.
   */
  static Dictionary dictionary(DictionaryBuilder counter, String name, Args args, Options options) {
    if (counter.ntokens() == 0) {
      throw new IllegalArgumentException(name + ": the file is empty");
    }
    Dictionary dict = counter.build();
    if (options.pretrainedVectors() != null) {
      dict = PretrainedVectors.extend(dict, args, options.pretrainedVectors());
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
    return dict;
  }

  static IllegalArgumentException noUsableLine(String name) {
    return new IllegalArgumentException(name + ": no line has both a known label and an input");
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
