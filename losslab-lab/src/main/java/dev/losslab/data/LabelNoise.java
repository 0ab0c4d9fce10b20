package dev.losslab.data;

import java.util.SplittableRandom;

/**
 * Label noise, deterministic by seed, of two kinds ({@link Kind}):
 *
 * <ul>
 *   <li><b>symmetric</b> ({@link #inject(int[], int, double, long)}): exactly {@code round(rate · n)}
 *       examples, chosen uniformly without replacement, get a label drawn uniformly from the other
 *       {@code classes − 1} classes. This is the noise model under which symmetric losses such as MAE
 *       are robust (Ghosh, Kumar and Sastry, "Robust Loss Functions under Label Noise for Deep Neural
 *       Networks", AAAI 2017);
 *   <li><b>pair-flip</b> ({@link #pairFlip}): in each class {@code c}, exactly {@code round(rate · n_c)}
 *       of its examples, chosen uniformly, get the label {@code (c + 1) mod classes}, so all of a
 *       class's noisy labels go to one fixed other class (the "pair" noise of Han et al., "Co-teaching",
 *       NeurIPS 2018). Above a rate of ½ the wrong class becomes the majority of its pair.
 * </ul>
 */
public final class LabelNoise {
  private LabelNoise() {}

  /** The kinds of label noise. */
  public enum Kind {
    /** A uniformly drawn other class. */
    SYMMETRIC("symmetric"),
    /** The next class, {@code (c + 1) mod classes}. */
    PAIR("pair-flip");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** How reports name it: {@code symmetric} or {@code pair-flip}. */
    public String label() {
      return label;
    }

    /** A noisy copy of {@code labels} under this kind of noise. */
    public int[] apply(int[] labels, int classes, double rate, long seed) {
      return this == SYMMETRIC ? inject(labels, classes, rate, seed)
          : pairFlip(labels, classes, rate, seed);
    }

    /** {@code data} with noisy labels of this kind; the name records kind, rate and seed. */
    public DenseDataset apply(DenseDataset data, double rate, long seed) {
      if (!data.hasLabels()) {
        throw new IllegalArgumentException(data.name() + ": has dense targets, label noise needs labels");
      }
      int[] noisy = apply(data.labels(), data.classes(), rate, seed);
      return data.withLabels(data.name() + " (" + label + " label noise " + rate + ", seed " + seed
          + ")", noisy);
    }
  }

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

  /**
   * A copy of {@code labels} with pair-flip noise: in each class {@code c}, exactly
   * {@code round(rate · n_c)} of its examples (a uniform sample without replacement) get the label
   * {@code (c + 1) mod classes}.
   *
   * @throws IllegalArgumentException unless {@code 0 ≤ rate ≤ 1} and {@code classes ≥ 2} (when
   *     {@code rate > 0}), or if a label is outside {@code [0, classes)}
   */
  public static int[] pairFlip(int[] labels, int classes, double rate, long seed) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("label noise rate (" + rate + ") must be in [0, 1]");
    }
    int[] out = labels.clone();
    if (rate == 0 || labels.length == 0) {
      return out;
    }
    if (classes < 2) {
      throw new IllegalArgumentException("label noise needs at least 2 classes, found " + classes);
    }
    int[] count = new int[classes];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "label " + labels[i] + " of example " + i + " is outside [0, " + classes + ")");
      }
      count[labels[i]]++;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int c = 0; c < classes; c++) {
      int[] members = new int[count[c]];
      int m = 0;
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == c) {
          members[m++] = i;
        }
      }
      int flips = (int) Math.round(rate * m);
      // partial Fisher–Yates over the class's examples
      for (int i = 0; i < flips; i++) {
        int j = i + random.nextInt(m - i);
        int e = members[j];
        members[j] = members[i];
        members[i] = e;
        out[e] = (c + 1) % classes;
      }
    }
    return out;
  }

  /** {@code data} with symmetric noisy labels; the name records the rate and seed. */
  public static DenseDataset inject(DenseDataset data, double rate, long seed) {
    return Kind.SYMMETRIC.apply(data, rate, seed);
  }
}
