package dev.losslab.text;

import dev.losslab.text.format.PruneIndex;
import dev.losslab.text.format.QuantizedMatrix;
import dev.losslab.text.format.StoredMatrix;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * fastText's {@code quantize} (fasttext.cc:305-368): turns a trained classifier into a quantized one,
 * the model a {@code .ftz} holds.
 *
 * <ol>
 *   <li><b>cutoff</b>: with {@code 0 < cutoff < rows}, keep {@code </s>} and the {@code cutoff − 1}
 *       other rows of {@code A} with the largest L2 norm (rows of equal norm in the order libstdc++'s
 *       {@code std::sort} gives them, {@link StdSort}). Kept words keep their order and get new ids;
 *       kept buckets become rows {@code nwords, nwords + 1, …} in order of decreasing norm, recorded in
 *       the dictionary's {@link PruneIndex} ({@code Dictionary::prune}).
 *   <li><b>retrain</b> (after a cutoff only, as in fastText): the pruned {@code A} and the output matrix
 *       are trained further on the training data for {@code epoch} epochs at {@code lr} on
 *       {@code thread} threads, with the classifier's own head and schedule
 *       ({@link Trainer#train(TextClassifier, Args, EncodedLines, Trainer.Listener)}); the saved args then
 *       record the retraining's epochs, as fastText's do.
 *   <li><b>product quantization</b> of {@code A} with {@code dsub} values per sub-vector and, with
 *       {@code qnorm}, quantized norms ({@link ProductQuantizer}); with {@code qout} the output
 *       matrix too, with dsub 2.
 * </ol>
 *
 * <p>The classifier given is not changed (its matrices are read, and copied where they are pruned or
 * retrained). Entry points for callers that size a model (autotune) as well as for the command line.
 */
public final class Quantizer {
  private Quantizer() {}

  /** Watches a quantization: a {@link Trainer.Listener} of the retraining that also hears the cutoff. */
  public interface Listener extends Trainer.Listener {
    /**
     * Called once the cutoff has copied the rows it keeps, before the retraining. From
     * {@link #quantizeReleasing}, nothing here refers to the full input matrix any more: a command
     * line may collect it now, so that the heap shrinks before the retraining allocates.
     */
    default void pruned() {}
  }

  /**
   * Quantizes without retraining.
   *
   * @throws IllegalArgumentException if the model is already quantized, {@code options} ask for a
   *     retraining that applies (use the overload with the training data), or a matrix to quantize has
   *     fewer than 256 rows
   */
  public static TextClassifier quantize(TextClassifier model, QuantizeOptions options) {
    if (options.retrain() && prunes(model, options)) {
      throw new IllegalArgumentException(
          "-retrain needs the training data (Quantizer.quantize(model, options, input, name, listener))");
    }
    return quantize(model, options, null, null, null);
  }

  /**
   * Quantizes, retraining the pruned model on {@code input} when {@code options} ask for it and a
   * cutoff applies.
   *
   * @param data the training data in fastText's format (read once, with the pruned dictionary)
   * @param name the data's name in messages
   * @param listener sees the retraining, and as a {@link Listener} the cutoff (may be null)
   * @throws IllegalArgumentException if the model is already quantized, a matrix to quantize has fewer
   *     than 256 rows (checked before any retraining), or no line of the data has a known label and a kept word or n-gram
   * @throws TrainingDiverged if the retraining's loss becomes NaN or infinite
   */
  public static TextClassifier quantize(TextClassifier model, QuantizeOptions options,
      TrainingData.Source data, String name, Trainer.Listener listener) {
    Objects.requireNonNull(model, "model");
    return quantizeReleasing(new AtomicReference<>(model), options, data, name, listener);
  }

  /**
   * As {@link #quantize(TextClassifier, QuantizeOptions, TrainingData.Source, String, Trainer.Listener)},
   * for a caller that holds the model only in {@code holder} and has no further use for it: the holder
   * is emptied, and once a cutoff has copied the rows it keeps, nothing here refers to the model's
   * full {@code A} any more, so that the collector may free it before the retraining and the product
   * quantization. With fastText's default {@code -bucket} that matrix is most of the memory
   * {@code quantize} needs.
   */
  public static TextClassifier quantizeReleasing(AtomicReference<TextClassifier> holder,
      QuantizeOptions options, TrainingData.Source data, String name, Trainer.Listener listener) {
    Objects.requireNonNull(options, "options");
    TextClassifier model = Objects.requireNonNull(holder.getAndSet(null), "model");
    Model m = model.model();
    if (m.isQuantized()) {
      throw new IllegalArgumentException("the model is already quantized");
    }
    if (options.qout() && m.outputRows() < ProductQuantizer.KSUB) {
      throw new IllegalArgumentException("-qout: the output matrix has " + m.outputRows()
          + " rows (labels); product quantization needs at least " + ProductQuantizer.KSUB);
    }
    boolean prunes = prunes(model, options);
    if (prunes && options.cutoff() < ProductQuantizer.KSUB) {
      throw new IllegalArgumentException("-cutoff (" + options.cutoff()
          + ") keeps fewer rows than product quantization needs (" + ProductQuantizer.KSUB + ")");
    }
    Args args = model.args();
    Dictionary dict = model.dictionary();
    Head head = model.head();
    int dim = m.dim();
    int outputRows = m.outputRows();
    float[] output = m.output();
    float[] input;
    int rows;
    if (prunes) {
      int[] idx = selectRows(m, dict.eosId(), options.cutoff());
      Pruned p = prune(dict, args, idx, m.input(), dim);
      model = null; // the full A can go: only the pruned copy is used from here on
      m = null;
      if (listener instanceof Listener q) {
        q.pruned();
      }
      dict = p.dictionary;
      input = p.input;
      rows = idx.length;
      if (options.retrain()) {
        Objects.requireNonNull(data, "data");
        args = args.toBuilder().epoch(options.epoch()).lr(options.lr()).thread(options.thread())
            .build();
        Model dense = new Model(dim, input, output);
        TextClassifier pruned = new TextClassifier(args, dict, dense, head);
        Corpus corpus = TrainingData.encode(data, name, dict);
        if (corpus.lines() == 0) {
          throw new IllegalArgumentException(
              name + ": no line has a label of the model and a word or n-gram the cutoff kept");
        }
        Trainer.train(pruned, args, corpus, listener);
        output = dense.output();
      }
    } else {
      input = m.input();
      rows = m.inputRows();
    }
    QuantizedMatrix qin = ProductQuantizer.quantize(input, rows, dim, options.dsub(),
        options.qnorm(), "the input matrix", options.thread());
    StoredMatrix qoutput = options.qout()
        ? ProductQuantizer.quantize(output, outputRows, dim, 2, options.qnorm(),
            "the output matrix", options.thread())
        : new dev.losslab.text.format.FastTextMatrix(outputRows, dim, output);
    return new TextClassifier(args, dict, Model.quantized(qin, qoutput), head);
  }

  /** Whether {@code options}' cutoff prunes the model: {@code 0 < cutoff < rows of A}. */
  public static boolean prunes(TextClassifier model, QuantizeOptions options) {
    return options.cutoff() > 0 && options.cutoff() < model.model().inputRows();
  }

  /**
   * fastText's {@code selectEmbeddings}: every row sorted by {@link StdSort} with fastText's comparator
   * ({@code </s>} first, then decreasing L2 norm), the first {@code cutoff}. Rows of equal norm come in
   * the order {@code std::sort} leaves them, so the same rows are kept as by {@code fasttext quantize}.
   */
  static int[] selectRows(Model m, int eos, int cutoff) {
    int rows = m.inputRows();
    int dim = m.dim();
    float[] a = m.input();
    float[] norms = new float[rows];
    int[] idx = new int[rows];
    for (int i = 0; i < rows; i++) {
      norms[i] = ProductQuantizer.l2Norm(a, i * dim, dim);
      idx[i] = i;
    }
    StdSort.sort(idx, 0, rows, (x, y) -> x == eos ? y != eos : y != eos && norms[x] > norms[y]);
    return Arrays.copyOf(idx, cutoff);
  }

  /** The pruned dictionary and the pruned {@code A}: kept words in id order, then kept buckets. */
  record Pruned(Dictionary dictionary, float[] input) {}

  /** fastText's {@code Dictionary::prune} and the copy of the kept rows (fasttext.cc:324-333). */
  static Pruned prune(Dictionary dict, Args args, int[] idx, float[] a, int dim) {
    int nwords = dict.nwords();
    int nw = 0;
    for (int id : idx) {
      if (id < nwords) {
        nw++;
      }
    }
    int[] words = new int[nw];
    int[] buckets = new int[idx.length - nw];
    int[] rows = new int[idx.length - nw];
    int w = 0;
    int b = 0;
    for (int id : idx) {
      if (id < nwords) {
        words[w++] = id;
      } else {
        buckets[b] = id - nwords;
        rows[b] = b;
        b++;
      }
    }
    Arrays.sort(words);
    float[] out = new float[idx.length * dim];
    for (int i = 0; i < nw; i++) {
      System.arraycopy(a, words[i] * dim, out, i * dim, dim);
    }
    for (int i = 0; i < buckets.length; i++) {
      System.arraycopy(a, (nwords + buckets[i]) * dim, out, (nw + i) * dim, dim);
    }
    return new Pruned(dict.pruned(args, words, PruneIndex.of(buckets, rows)), out);
  }
}
