package dev.losslab.text.autotune;

import dev.losslab.text.Meter;
import dev.losslab.text.Predictions;
import java.util.Arrays;

/**
 * What a model predicted on a validation set, kept as the counts and scores the autotune metrics read:
 * over all examples the gold labels, the predictions and the correct predictions (as fastText's
 * {@code Meter}); the same per label; and, when asked for, every prediction's probability and whether
 * it was correct, for the precision–recall curve.
 *
 * <ul>
 *   <li>{@link #f1()}: micro F1 of P@k and R@k, {@code 2·tp / (predicted + gold)}, which is
 *       {@code 2PR/(P+R)}; 0 when no prediction is correct (fastText returns NaN there, which its
 *       search then keeps as the best score).
 *   <li>{@link #f1(int)}: one label's F1, {@code 2·tp_l / (predicted_l + gold_l)}, as {@code test-label}
 *       prints it; NaN when the label is neither predicted nor gold.
 *   <li>{@link #precisionAtRecall} and {@link #recallAtPrecision}: on the precision–recall curve of
 *       fastText's meter (meter.cc, after 0.9.2): the predictions sorted by probability
 *       ({@code min(p, 1)}), best first; after each group of equal probabilities a point
 *       {@code (tp/(tp+fp), tp/gold)}; the curve ends at the first point of full recall, and the point
 *       {@code (1, 0)} is added. Precision at recall {@code R} is the highest precision of a point
 *       with recall ≥ R, recall at precision {@code P} the highest recall of a point with precision
 *       ≥ P, 0 when there is none. Gold labels the model never predicted in its top k count in
 *       {@code gold} but never reach the curve.
 * </ul>
 *
 * <p>The counts are a {@link Meter}'s (those of {@code test}); the scores are kept beside them.
 * Immutable; built by an {@link Accumulator} per thread and {@link #merge merged}.
 */
public final class Evaluation {
  private final Meter counts;
  /** Per prediction: its probability's bits (high 32) and label (low 31) and correct flag (bit 31). */
  private final long[] scored;
  private final boolean keepScores;

  private Evaluation(Accumulator a) {
    counts = a.counts.copy();
    scored = Arrays.copyOf(a.scored, a.nscored);
    keepScores = a.keepScores;
  }

  /** Examples logged. */
  public long examples() { return counts.examples(); }
  /** Gold labels over all examples. */
  public long gold() { return counts.gold(); }
  /** Predictions over all examples. */
  public long predicted() { return counts.predicted(); }
  /** Correct predictions over all examples. */
  public long predictedGold() { return counts.predictedGold(); }
  public int nlabels() { return counts.nlabels(); }
  public long labelGold(int l) { return counts.labelGold(l); }
  public long labelPredicted(int l) { return counts.labelPredicted(l); }
  public long labelPredictedGold(int l) { return counts.labelPredictedGold(l); }

  /** P@k: correct predictions over predictions; NaN without predictions. */
  public double precision() {
    return counts.precision();
  }

  /** R@k: correct predictions over gold labels; NaN without gold labels. */
  public double recall() {
    return counts.recall();
  }

  /** Micro F1 of P@k and R@k; 0 when nothing is predicted right. */
  public double f1() {
    long tp = counts.predictedGold();
    return tp == 0 ? 0.0 : 2.0 * tp / (counts.predicted() + counts.gold());
  }

  /** Label {@code l}'s F1; NaN when it is neither predicted nor gold. */
  public double f1(int l) {
    return counts.f1(l);
  }

  /**
   * The highest precision at a recall of at least {@code recall}, over all labels ({@code label} −1)
   * or one label.
   *
   * @throws IllegalStateException if the scores were not kept
   */
  public double precisionAtRecall(double recall, int label) {
    double[][] curve = curve(label);
    double best = 0.0;
    for (double[] point : curve) {
      if (point[1] >= recall) {
        best = Math.max(best, point[0]);
      }
    }
    return best;
  }

  /**
   * The highest recall at a precision of at least {@code precision}, over all labels ({@code label}
   * −1) or one label.
   *
   * @throws IllegalStateException if the scores were not kept
   */
  public double recallAtPrecision(double precision, int label) {
    double[][] curve = curve(label);
    double best = 0.0;
    for (double[] point : curve) {
      if (point[0] >= precision) {
        best = Math.max(best, point[1]);
      }
    }
    return best;
  }

  /** The precision–recall curve as {@code {precision, recall}} points, in order of falling score. */
  double[][] curve(int label) {
    if (!keepScores) {
      throw new IllegalStateException("the evaluation kept no scores (Accumulator keepScores false)");
    }
    long golds = label < 0 ? counts.gold() : counts.labelGold(label);
    long[] keys = new long[scored.length];
    int n = 0;
    for (long s : scored) {
      if (label < 0 || (int) (s & 0x7FFFFFFFL) == label) {
        keys[n++] = s;
      }
    }
    Arrays.sort(keys, 0, n);
    double[][] points = new double[n + 1][];
    int np = 0;
    long tp = 0;
    long fp = 0;
    for (int i = n - 1; i >= 0; i--) {
      if ((keys[i] & 0x80000000L) != 0) {
        tp++;
      } else {
        fp++;
      }
      boolean tieFollows = i > 0 && (keys[i - 1] >>> 32) == (keys[i] >>> 32);
      if (tieFollows) {
        continue; // equal scores make one point
      }
      double recall = golds == 0 ? Double.NaN : (double) tp / golds;
      points[np++] = new double[] {(double) tp / (tp + fp), recall};
      if (tp >= golds) {
        break; // full recall: the curve ends here
      }
    }
    points[np++] = new double[] {1.0, 0.0};
    return Arrays.copyOf(points, np);
  }

  /** The evaluation of all the examples of both. */
  public static Evaluation merge(Evaluation a, Evaluation b) {
    Accumulator m = new Accumulator(a.nlabels(), a.keepScores && b.keepScores);
    m.add(a);
    m.add(b);
    return m.result();
  }

  /** Logs examples one by one; one per thread. */
  public static final class Accumulator {
    private final Meter counts;
    private final boolean keepScores;
    private long[] scored;
    private int nscored;

    /**
     * @param nlabels labels of the model
     * @param keepScores whether to keep each prediction's probability (for the curve metrics)
     */
    public Accumulator(int nlabels, boolean keepScores) {
      counts = new Meter(nlabels);
      this.keepScores = keepScores;
      scored = new long[keepScores ? 1024 : 0];
    }

    /** Logs one example: gold labels {@code labels[lo..hi)} and the predictions. */
    public void log(int[] labels, int lo, int hi, Predictions p) {
      counts.log(labels, lo, hi, p);
      if (!keepScores) {
        return;
      }
      for (int i = 0; i < p.size(); i++) {
        int l = p.label(i);
        boolean correct = false;
        for (int j = lo; j < hi && !correct; j++) {
          correct = labels[j] == l;
        }
        float prob = Math.min(p.probability(i), 1f);
        if (!(prob >= 0)) {
          prob = 0f; // a NaN probability ranks last
        }
        if (nscored == scored.length) {
          scored = Arrays.copyOf(scored, scored.length * 2);
        }
        scored[nscored++] = ((long) Float.floatToIntBits(prob) << 32) | (correct ? 0x80000000L : 0L)
            | (l & 0x7FFFFFFFL);
      }
    }

    void add(Evaluation e) {
      counts.add(e.counts);
      if (keepScores) {
        if (nscored + e.scored.length > scored.length) {
          scored = Arrays.copyOf(scored, Math.max(2 * scored.length, nscored + e.scored.length));
        }
        System.arraycopy(e.scored, 0, scored, nscored, e.scored.length);
        nscored += e.scored.length;
      }
    }

    /** What was logged so far. */
    public Evaluation result() {
      return new Evaluation(this);
    }
  }
}
