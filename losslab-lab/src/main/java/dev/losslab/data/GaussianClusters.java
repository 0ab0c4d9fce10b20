package dev.losslab.data;

import java.util.SplittableRandom;

/**
 * Generated dense classification data: one Gaussian cluster per class, {@code x ~ N(μ_c, I)} in
 * {@code dimensions} dimensions. The centres are fixed by {@link #seed()}: {@code μ_c = (separation/√2)
 * · u_c} with {@code u_c ~ N(0, I/d)}, so two centres lie about {@code separation} apart (the expected
 * squared distance is exactly {@code separation²}) and the classes overlap more as the separation
 * shrinks. Classes are balanced; {@link #labelNoise()} relabels exactly that fraction of the examples
 * with another class ({@link LabelNoise}).
 *
 * @param classes number of classes, ≥ 2
 * @param dimensions number of features, ≥ 1
 * @param separation typical distance between two class centres in units of the noise's standard
 *     deviation, ≥ 0
 * @param labelNoise fraction of examples given a wrong label, in [0, 1]
 * @param seed fixes the centres
 */
public record GaussianClusters(int classes, int dimensions, double separation, double labelNoise,
    long seed) {

  /** Checks every parameter; the message names it and its value. */
  public GaussianClusters {
    if (classes < 2) {
      throw new IllegalArgumentException("classes (" + classes + ") must be ≥ 2");
    }
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions (" + dimensions + ") must be ≥ 1");
    }
    if (!(separation >= 0) || Double.isInfinite(separation)) {
      throw new IllegalArgumentException("separation (" + separation + ") must be ≥ 0 and finite");
    }
    if (!(labelNoise >= 0 && labelNoise <= 1)) {
      throw new IllegalArgumentException("label noise (" + labelNoise + ") must be in [0, 1]");
    }
  }

  /** 5 classes in 20 dimensions, separation 3, no label noise. */
  public static GaussianClusters defaults() {
    return new GaussianClusters(5, 20, 3.0, 0.0, 1L);
  }

  /** The class centres, {@code classes × dimensions}, row-major. */
  public double[] centres() {
    SplittableRandom random = new SplittableRandom(seed);
    double[] mu = new double[classes * dimensions];
    double scale = separation / Math.sqrt(2.0) / Math.sqrt(dimensions);
    for (int e = 0; e < mu.length; e++) {
      mu[e] = scale * gaussian(random);
    }
    return mu;
  }

  /** {@code n} examples drawn with {@code sampleSeed}; the name records the parameters. */
  public DenseDataset generate(int n, long sampleSeed) {
    if (n < 1) {
      throw new IllegalArgumentException("examples (" + n + ") must be ≥ 1");
    }
    double[] mu = centres();
    SplittableRandom random = new SplittableRandom(sampleSeed);
    int[] labels = LabelNoise.balanced(n, classes, random);
    float[] x = new float[n * dimensions];
    for (int i = 0; i < n; i++) {
      int c = labels[i];
      for (int d = 0; d < dimensions; d++) {
        x[i * dimensions + d] = (float) (mu[c * dimensions + d] + gaussian(random));
      }
    }
    int[] noisy = LabelNoise.inject(labels, classes, labelNoise, random.nextLong());
    String name = String.format(java.util.Locale.ROOT,
        "gaussian-clusters(classes=%d, dims=%d, separation=%s, noise=%s, seed=%d, sample=%d)",
        classes, dimensions, separation, labelNoise, seed, sampleSeed);
    return DenseDataset.classification(name, x, n, dimensions, noisy, classes);
  }

  /** A standard normal draw (Box–Muller, one of the pair). */
  static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble(); // (0, 1]
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
