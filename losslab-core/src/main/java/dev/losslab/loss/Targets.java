package dev.losslab.loss;

/** Target checks shared by the losses. Every message names the argument, the example and the value. */
public final class Targets {
  private Targets() {}

  /** Checks the target has {@code n} rows and, when dense, {@code k} columns. */
  public static void requireShape(Target target, int n, int k) {
    if (target.rows() != n) {
      throw new IllegalArgumentException(
          (target.hasLabels() ? "labels" : "target") + " has " + target.rows()
              + " examples but scores have " + n);
    }
    if (!target.hasLabels() && target.columns() != k) {
      throw new IllegalArgumentException(
          "target has " + target.columns() + " columns but scores have " + k);
    }
  }

  /** Checks a dense target (labels are not accepted). */
  public static void requireDense(String loss, Target target, int n, int k) {
    if (target.hasLabels()) {
      throw new IllegalArgumentException(loss + " needs a dense target, not labels");
    }
    requireShape(target, n, k);
  }

  /** Checks the target is labels (not a dense target), each in {@code [0, k)}. */
  public static void requireLabels(String loss, Target target, int n, int k) {
    if (!target.hasLabels()) {
      throw new IllegalArgumentException(loss + " needs labels (class indices), not a dense target");
    }
    requireLabelsInRange(target, n, k, false, 0);
  }

  /**
   * Checks every label lies in {@code [0, k)}, except {@code ignoreIndex} when {@code allowIgnore}.
   */
  public static void requireLabelsInRange(Target target, int n, int k, boolean allowIgnore,
      int ignoreIndex) {
    requireShape(target, n, k);
    for (int i = 0; i < n; i++) {
      int y = target.label(i);
      if ((y < 0 || y >= k) && !(allowIgnore && y == ignoreIndex)) {
        throw new IllegalArgumentException(
            "label " + y + " of example " + i + " is out of range [0, " + k + ")");
      }
    }
  }

  /** Checks every dense target value is finite. */
  public static void requireFinite(Target target, int n, int k) {
    double[] v = target.values();
    for (int i = 0; i < n * k; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(
            "target of example " + (i / k) + ", class " + (i % k) + " is " + v[i] + ", must be finite");
      }
    }
  }

  /**
   * Checks every row of a dense target is a probability distribution: entries in [0, 1] summing to 1
   * within {@code 1e-6 · k}.
   */
  public static void requireDistributions(Target target, int n, int k) {
    double[] v = target.values();
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < k; j++) {
        double p = v[i * k + j];
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException(
              "target of example " + i + ", class " + j + " is " + p + ", must be a probability in [0, 1]");
        }
        sum += p;
      }
      if (Math.abs(sum - 1) > 1e-6 * Math.max(1, k)) {
        throw new IllegalArgumentException(
            "target of example " + i + " sums to " + sum + ", must sum to 1");
      }
    }
  }

  /** Checks every dense target value lies in {@code [0, 1]}. */
  public static void requireUnitInterval(Target target, int n, int k) {
    double[] v = target.values();
    for (int i = 0; i < n * k; i++) {
      if (!(v[i] >= 0 && v[i] <= 1)) {
        throw new IllegalArgumentException(
            "target of example " + (i / k) + ", class " + (i % k) + " is " + v[i]
                + ", must be in [0, 1]");
      }
    }
  }
  /**
   * Checks targets for a regression-style loss: labels (read as one-hot rows) must lie in
   * {@code [0, k)}; a dense target must have the shape {@code n × k} and finite values.
   */
  public static void requireLabelsOrFinite(Target target, int n, int k) {
    if (target.hasLabels()) {
      requireLabelsInRange(target, n, k, false, 0);
    } else {
      requireShape(target, n, k);
      requireFinite(target, n, k);
    }
  }

  /** Checks an optional per-class vector option (weight, posWeight) has one entry per score. */
  public static void requirePerClass(String option, double[] values, int k) {
    if (values != null && values.length != k) {
      throw new IllegalArgumentException(
          option + " has " + values.length + " entries but scores have " + k + " classes");
    }
  }
}
