package dev.losslab.text;

/**
 * fastText's {@code test} meter (meter.cc): over the examples logged, {@code P@k = Σ|pred ∩ gold| / Σ|pred|}
 * and {@code R@k = Σ|pred ∩ gold| / Σ|gold|}; per label, precision, recall and F1 — with recall counted
 * correctly (fastText 0.9.2's {@code test-label} never counts a label's gold occurrences, so its recall
 * is NaN and its F1 twice the precision). Undefined ratios (0/0) are NaN.
 */
public final class Meter {
  private long examples;
  private long gold;
  private long predicted;
  private long predictedGold;
  private final long[] labelGold;
  private final long[] labelPredicted;
  private final long[] labelPredictedGold;

  public Meter(int nlabels) {
    labelGold = new long[nlabels];
    labelPredicted = new long[nlabels];
    labelPredictedGold = new long[nlabels];
  }

  /** A copy of this meter's counts. */
  public Meter copy() {
    Meter m = new Meter(nlabels());
    m.add(this);
    return m;
  }

  /**
   * Adds the counts of {@code other} (another part of the same examples, e.g. another thread's).
   *
   * @throws IllegalArgumentException if it counts another number of labels
   */
  public void add(Meter other) {
    if (other.nlabels() != nlabels()) {
      throw new IllegalArgumentException(
          "a meter of " + other.nlabels() + " labels added to one of " + nlabels());
    }
    examples += other.examples;
    gold += other.gold;
    predicted += other.predicted;
    predictedGold += other.predictedGold;
    for (int l = 0; l < labelGold.length; l++) {
      labelGold[l] += other.labelGold[l];
      labelPredicted[l] += other.labelPredicted[l];
      labelPredictedGold[l] += other.labelPredictedGold[l];
    }
  }

  /** Logs one example: gold labels {@code labels[lo..hi)} and the predictions. */
  public void log(int[] labels, int lo, int hi, Predictions p) {
    examples++;
    gold += hi - lo;
    predicted += p.size();
    for (int i = 0; i < p.size(); i++) {
      int l = p.label(i);
      labelPredicted[l]++;
      for (int j = lo; j < hi; j++) {
        if (labels[j] == l) {
          labelPredictedGold[l]++;
          predictedGold++;
          break;
        }
      }
    }
    for (int j = lo; j < hi; j++) {
      labelGold[labels[j]]++;
    }
  }

  public long examples() { return examples; }
  public long gold() { return gold; }
  public long predicted() { return predicted; }
  public long predictedGold() { return predictedGold; }

  public double precision() {
    return (double) predictedGold / predicted;
  }

  public double recall() {
    return (double) predictedGold / gold;
  }

  public int nlabels() {
    return labelGold.length;
  }

  public long labelGold(int l) { return labelGold[l]; }
  public long labelPredicted(int l) { return labelPredicted[l]; }
  public long labelPredictedGold(int l) { return labelPredictedGold[l]; }

  public double precision(int l) {
    return (double) labelPredictedGold[l] / labelPredicted[l];
  }

  public double recall(int l) {
    return (double) labelPredictedGold[l] / labelGold[l];
  }

  /** {@code 2·tp / (predicted + gold)} for the label: the harmonic mean of its precision and recall. */
  public double f1(int l) {
    long d = labelPredicted[l] + labelGold[l];
    return d == 0 ? Double.NaN : 2.0 * labelPredictedGold[l] / d;
  }
}
