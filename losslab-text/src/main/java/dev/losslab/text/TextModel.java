package dev.losslab.text;

import dev.losslab.text.format.AtomicFiles;
import dev.losslab.text.format.ModelSidecar;
import dev.losslab.text.format.VecFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A text classifier for applications that embed one: load, predict, train, save.
 *
 * <pre>{@code
 * TextModel model = TextModel.load(Path.of("cooking.bin"));      // a .bin from losslab or fastText
 * List<Prediction> top = model.predict("how do I knead dough", 3, 0.0);
 * top.get(0).label();        // "__label__baking"
 * top.get(0).probability();  // as fastText reports it
 * }</pre>
 *
 * <p><b>Thread-safe</b>: one model serves any number of threads at once. The matrices are only read;
 * each call borrows a set of per-call scratch (a {@link Workspace}, a {@link LineEncoder}, a
 * {@link Predictions} buffer, a token reader and a byte buffer) from a pool and returns it, so a
 * predicting thread allocates only the text's bytes and the result, and the pool holds as many sets as
 * calls ever ran at once. (A pool rather than a {@code ThreadLocal}: nothing stays attached to the
 * threads of an application's executor after the model is dropped, and virtual threads work alike.)
 *
 * <p>A text is predicted as fastText's Python binding predicts it, as one line ending in a line break:
 * its words, their n-grams, and {@code </s>}; line breaks inside it separate words like spaces. The
 * results are those of {@code fasttext predict-prob} on that line (same labels, same order, the
 * probabilities {@code p + 1e-5} of {@link Prediction}).
 *
 * <p>{@link #train(Path, TrainOptions)} trains on a fastText file, {@link #train(Iterable,
 * TrainOptions)} on documents in memory or streamed ({@link LabelledText}), both with
 * {@link TrainOptions} (fastText's flags, any loss, a progress listener). Doubtful input lines
 * ({@link InputIssue}) are logged as warnings through {@link System.Logger} ({@code dev.losslab.text})
 * unless {@link TrainOptions#strict} makes them errors.
 */
public final class TextModel {
  private static final System.Logger LOG = System.getLogger("dev.losslab.text");

  private final TextClassifier classifier;
  private final List<String> labels;
  private final String[] labelArray;
  private final ConcurrentLinkedQueue<Scratch> pool = new ConcurrentLinkedQueue<>();

  /** A model over a trained classifier (shared, not copied). */
  public TextModel(TextClassifier classifier) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    Dictionary d = classifier.dictionary();
    labelArray = new String[d.nlabels()];
    for (int j = 0; j < labelArray.length; j++) {
      labelArray[j] = d.label(j);
    }
    labels = Collections.unmodifiableList(Arrays.asList(labelArray));
  }

  /**
   * Loads a model file: a {@code .bin} written by losslab (with or without its sidecar) or by fastText
   * 0.9.x, or any other model {@link ModelFiles#load} reads.
   *
   * @throws IOException if the file is missing, unreadable or malformed (the message names it)
   * @throws IllegalArgumentException if it is not a classifier or its settings are unusable
   */
  public static TextModel load(Path file) throws IOException {
    return new TextModel(ModelFiles.load(file));
  }

  /**
   * Trains on a file in fastText's format (one document per line, labels by prefix).
   *
   * @throws IllegalArgumentException if an option is out of range or the data cannot train, naming the
   *     option or the file and line
   * @throws TrainingDiverged if the loss became NaN or infinite
   * @throws IOException if the pretrained vectors cannot be read
   */
  public static TextModel train(Path input, TrainOptions options) throws IOException {
    Objects.requireNonNull(input, "input");
    return train(TrainingData.file(input), input.toString(), options, false, () -> {});
  }

  /**
   * Trains on documents, streamed into the temporary corpus file of {@link TrainingData#read}: the
   * iterable is iterated once, or twice when its vocabulary passes 22.5 million distinct tokens
   * (fastText's pruning; the second pass encodes with the pruned vocabulary), so it should give the
   * same documents each time. Messages name a document by its position: {@code documents:12} is the
   * twelfth.
   *
   * @throws IllegalArgumentException if an option is out of range, the documents cannot train, or the
   *     iterable gave a different number of documents the second time (a one-shot iterator)
   * @throws TrainingDiverged if the loss became NaN or infinite
   * @throws IOException if the pretrained vectors cannot be read
   */
  public static TextModel train(Iterable<LabelledText> documents, TrainOptions options)
      throws IOException {
    return train(documents, options, false);
  }

  /**
   * As {@link #train(Iterable, TrainOptions)}; {@code twoPass} reads the iterable a second time to
   * encode it, as a pruned vocabulary does.
   */
  static TextModel train(Iterable<LabelledText> documents, TrainOptions options, boolean twoPass)
      throws IOException {
    Objects.requireNonNull(documents, "documents");
    String prefix = options.args().label();
    List<LabelledTextStream> passes = new ArrayList<>(2);
    TrainingData.Source source = () -> {
      LabelledTextStream s = new LabelledTextStream(documents, prefix);
      passes.add(s);
      return s;
    };
    return train(source, "documents", options, twoPass, () -> sameDocumentsTwice(passes));
  }

  /** Fails when an iterable gave fewer or more documents the second time (a one-shot iterator). */
  private static void sameDocumentsTwice(List<LabelledTextStream> passes) {
    if (passes.size() < 2 || !passes.get(0).ended() || !passes.get(1).ended()) {
      return;
    }
    long first = passes.get(0).documents();
    long second = passes.get(1).documents();
    if (first != second) {
      throw new IllegalArgumentException("documents: the iterable gave " + first
          + " documents the first time and " + second + " the second; training reads it twice, so it"
          + " must give the same documents each time (a collection, or an Iterable that opens its"
          + " source again on each iterator())");
    }
  }

  private static TextModel train(TrainingData.Source source, String name, TrainOptions options,
      boolean twoPass, Runnable sameInputTwice) throws IOException {
    Args args = options.args();
    if (!args.fastTextLoss() && !args.lossOptions().containsKey("weight")
        && !args.lossOptions().containsKey("posWeight")) {
      Heads.check(args); // a bad loss name or option fails before the data is read
    }
    TrainingData.Options read = TrainingData.Options.DEFAULT.withStrict(options.strict());
    if (options.pretrainedVectors() != null) {
      read = read.withPretrainedVectors(VecFile.read(options.pretrainedVectors(), args.dim()));
    }
    TrainingData data;
    try {
      data = OnePassEncoder.read(source, name, args, read, twoPass);
    } catch (IllegalArgumentException e) {
      sameInputTwice.run(); // a one-shot iterable explains an empty second pass better
      throw e;
    }
    try (data) { // the temporary corpus file
      sameInputTwice.run();
      for (InputIssue issue : data.issues()) {
        LOG.log(System.Logger.Level.WARNING, issue.message());
      }
      Head head = Heads.create(args, data.dictionary().labelCounts());
      return new TextModel(Trainer.train(args, data, head, options.listener()));
    }
  }

  /**
   * Writes the model as a fastText {@code .bin} with its losslab sidecar, both atomically. Temporary
   * files that saves of the same file left when their process died are removed first (and logged).
   */
  public void save(Path file) throws IOException {
    for (Path target : List.of(file, ModelSidecar.pathFor(file))) {
      for (Path left : AtomicFiles.removeLeftovers(target)) {
        LOG.log(System.Logger.Level.INFO, "removed " + left + ", left by an interrupted save");
      }
    }
    ModelFiles.save(classifier, file);
  }

  /**
   * The {@code k} most probable labels of {@code text} with a probability of at least
   * {@code threshold}, most probable first (fewer when fewer pass the threshold; none for a text
   * with no input at all).
   *
   * @param k how many labels, or -1 for all
   * @param threshold the least probability, in [0, 1], compared with {@code p} (before the
   *     {@code 1e-5} of {@link Prediction})
   * @return an immutable list
   * @throws IllegalArgumentException if {@code k} is 0 or below -1, or {@code threshold} is outside
   *     [0, 1] or NaN
   */
  public List<Prediction> predict(String text, int k, double threshold) {
    Objects.requireNonNull(text, "text");
    if (k == 0 || k < -1) {
      throw new IllegalArgumentException("k (" + k + ") must be -1 (all labels) or > 0");
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold (" + threshold + ") must be in [0, 1]");
    }
    Scratch s = borrow();
    try {
      s.read(text);
      classifier.predict(s.encoder, s.workspace, k, (float) threshold, s.top);
      Predictions p = s.top;
      Prediction[] out = new Prediction[p.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = new Prediction(labelArray[p.label(i)], p.probability(i));
      }
      return List.of(out);
    } finally {
      pool.offer(s);
    }
  }

  /** The most probable label of {@code text}: {@code predict(text, 1, 0.0)}. */
  public List<Prediction> predict(String text) {
    return predict(text, 1, 0.0);
  }

  /**
   * The vector fastText's {@code print-sentence-vectors} gives {@code text} read as one line: the mean
   * of its input rows ({@link WordVectors#sentence}).
   */
  public float[] sentenceVector(String text) {
    Objects.requireNonNull(text, "text");
    Scratch s = borrow();
    try {
      s.read(text);
      float[] out = new float[classifier.model().dim()];
      s.vectors.sentence(s.encoder, out);
      return out;
    } finally {
      pool.offer(s);
    }
  }

  /**
   * The vector of one word, as fastText's {@code print-word-vectors} gives it
   * ({@link WordVectors#word}); the word's whitespace, if any, is part of it.
   */
  public float[] wordVector(String word) {
    Objects.requireNonNull(word, "word");
    byte[] b = word.getBytes(StandardCharsets.UTF_8);
    Scratch s = borrow();
    try {
      float[] out = new float[classifier.model().dim()];
      s.vectors.word(b, 0, b.length, out);
      return out;
    } finally {
      pool.offer(s);
    }
  }

  /** The labels the model predicts, in its label order (most frequent in training first). */
  public List<String> labels() {
    return labels;
  }

  /** The classifier behind this model: its settings, dictionary and matrices. */
  public TextClassifier classifier() {
    return classifier;
  }

  private Scratch borrow() {
    Scratch s = pool.poll();
    return s != null ? s : new Scratch(classifier);
  }

  /** What one call needs; used by one thread at a time. */
  private static final class Scratch {
    final Workspace workspace;
    final LineEncoder encoder;
    final Predictions top;
    final WordVectors vectors;
    final TokenReader reader;
    final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    byte[] bytes = new byte[256];

    Scratch(TextClassifier c) {
      workspace = c.workspace();
      encoder = new LineEncoder(c.dictionary());
      top = new Predictions(c.dictionary().nlabels());
      vectors = new WordVectors(c);
      reader = new TokenReader(bytes, 0, "text");
    }

    /** Reads {@code text} as one line: line breaks become spaces, and the line ends in one. */
    void read(String text) {
      int need = (int) Math.min(Integer.MAX_VALUE - 8, 3L * text.length() + 1);
      if (bytes.length < need) {
        bytes = new byte[Math.max(need, 2 * bytes.length)];
      }
      ByteBuffer out = ByteBuffer.wrap(bytes);
      utf8.reset();
      utf8.encode(CharBuffer.wrap(text), out, true);
      utf8.flush(out);
      int n = out.position();
      for (int i = 0; i < n; i++) {
        if (bytes[i] == '\n') {
          bytes[i] = ' ';
        }
      }
      bytes[n++] = '\n';
      reader.reset(bytes, n);
      encoder.read(reader);
    }
  }

  @Override
  public String toString() {
    Dictionary d = classifier.dictionary();
    return "TextModel(" + d.nwords() + " words, " + d.nlabels() + " labels, dim "
        + classifier.model().dim() + ", loss " + classifier.head().name() + ")";
  }
}
