package dev.losslab.data;

import java.util.SplittableRandom;

/**
 * Symmetric label noise: exactly {@code round(rate · n)} examples, chosen uniformly without replacement,
 * get a label drawn uniformly from the other {@code classes − 1} classes. Deterministic by seed. This is
 * the noise model under which bounded losses such as MAE are known to be robust (Ghosh, Kumar and
 * Sastry, "Robust Loss Functions under Label Noise for Deep Neural Networks", AAAI 2017).
 */
public final class LabelNoise {
  private LabelNoise() {}

  /**
   * {@code n} labels, as balanced as {@code n} allows ({@code i mod classes} before shuffling), in a
   * uniformly random order (Fisher–Yates, drawing from {@code random}): the clean labels the generated
   * data sets start from, before {@link #inject}.
   */
  public static int[] balanced(int n, int classes, SplittableRandom random) {
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % classes;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = labels[i];
      labels[i] = labels[j];
      labels[j] = t;
    }
    return labels;
  }

  /**
   * A noisy copy of {@code labels}.
   *
   * @throws IllegalArgumentException unless {@code 0 ≤ rate ≤ 1} and {@code classes ≥ 2} (when
   *     {@code rate > 0}), or if a label is outside {@code [0, classes)}
   */
  public static int[] inject(int[] labels, int classes, double rate, long seed) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("label noise rate (" + rate + ") must be in [0, 1]");
    }
    int n = labels.length;
    int[] out = labels.clone();
    int flips = (int) Math.round(rate * n);
    if (flips == 0) {
      return out;
    }
    if (classes < 2) {
      throw new IllegalArgumentException(
          "label noise needs at least 2 classes, found " + classes);
    }
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "label " + labels[i] + " of example " + i + " is outside [0, " + classes + ")");
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // partial Fisher–Yates: the first `flips` positions are a uniform sample without replacement
    for (int i = 0; i < flips; i++) {
      int j = i + random.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
      int e = order[i];
      int other = random.nextInt(classes - 1);
      out[e] = other >= labels[e] ? other + 1 : other;
    }
    return out;
  }

  /** {@code data} with noisy labels; the name records the rate and seed. */
  public static DenseDataset inject(DenseDataset data, double rate, long seed) {
    if (!data.hasLabels()) {
      throw new IllegalArgumentException(data.name() + ": has dense targets, label noise needs labels");
    }
    int[] noisy = inject(data.labels(), data.classes(), rate, seed);
    return data.withLabels(data.name() + " (label noise " + rate + ", seed " + seed + ")", noisy);
  }
}
