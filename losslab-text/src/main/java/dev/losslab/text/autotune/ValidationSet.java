package dev.losslab.text.autotune;

import dev.losslab.text.Corpus;
import dev.losslab.text.Dictionary;
import dev.losslab.text.Predictions;
import dev.losslab.text.TrainingData;
import java.util.function.Supplier;

/**
 * The validation file encoded with one trial's dictionary: the lines with a known label and an input
 * row, as {@code test} counts them. Evaluating it predicts every line (on several threads when asked)
 * and returns an {@link Evaluation}.
 */
public final class ValidationSet {
  private final Corpus corpus;
  private final int nlabels;
  private final long[] labelCounts;

  private ValidationSet(Corpus corpus, int nlabels) {
    this.corpus = corpus;
    this.nlabels = nlabels;
    labelCounts = new long[nlabels];
    for (int l : java.util.Arrays.copyOf(corpus.labels(), corpus.labelStart()[corpus.lines()])) {
      labelCounts[l]++;
    }
  }

  /** Encodes {@code source} (fastText lines) with {@code dict}. */
  public static ValidationSet encode(TrainingData.Source source, String name, Dictionary dict) {
    return new ValidationSet(TrainingData.encode(source, name, dict), dict.nlabels());
  }

  /** Lines that count. */
  public int lines() {
    return corpus.lines();
  }

  /** How often label {@code l} is gold in the lines that count. */
  public long labelCount(int l) {
    return labelCounts[l];
  }

  /**
   * Predicts the top {@code k} labels of every line ({@code k} −1: all labels) and counts them.
   *
   * @param predictors one new predictor per thread
   * @param threads how many threads share the lines (at least 1)
   * @param keepScores whether to keep each prediction's probability (curve metrics)
   */
  public Evaluation evaluate(Supplier<LinePredictor> predictors, int k, int threads,
      boolean keepScores) {
    int lines = corpus.lines();
    int kk = k < 0 || k > nlabels ? nlabels : k;
    int t = Math.max(1, Math.min(threads, lines / 256 + 1));
    Evaluation.Accumulator[] parts = new Evaluation.Accumulator[t];
    dev.losslab.text.Threads.run(t, "validate", w -> {
      int lo = (int) ((long) w * lines / t);
      int hi = (int) ((long) (w + 1) * lines / t);
      Evaluation.Accumulator acc = new Evaluation.Accumulator(nlabels, keepScores);
      parts[w] = acc;
      LinePredictor p = predictors.get();
      Predictions out = new Predictions(nlabels);
      Corpus.Rows rows = corpus.rows();
      int[] labels = corpus.labels();
      int[] ls = corpus.labelStart();
      for (int i = lo; i < hi; i++) {
        rows.line(i);
        p.predict(rows.array(), rows.from(), rows.to(), kk, out);
        acc.log(labels, ls[i], ls[i + 1], out);
      }
    });
    Evaluation e = parts[0].result();
    for (int w = 1; w < t; w++) {
      e = Evaluation.merge(e, parts[w].result());
    }
    return e;
  }
}
