package dev.losslab.data;

/**
 * Simple feature scalings: divide by a constant (pixels 0–255 → 0–1) and per-column min–max to
 * {@code [0, 1]}. For standardisation see {@link Standardizer}.
 */
public final class Scaling {
  private Scaling() {}

  /**
   * {@code x / divisor} for every feature.
   *
   * @throws IllegalArgumentException unless {@code divisor} is finite and non-zero
   */
  public static DenseDataset divide(DenseDataset data, double divisor) {
    if (!(Double.isFinite(divisor) && divisor != 0)) {
      throw new IllegalArgumentException("divisor (" + divisor + ") must be finite and non-zero");
    }
    float[] x = data.features();
    float[] out = new float[x.length];
    for (int e = 0; e < x.length; e++) {
      out[e] = (float) (x[e] / divisor);
    }
    return data.withFeatures(data.name() + " (/" + divisor + ")", out);
  }

  /**
   * Per-column {@code (x − min_c) / (max_c − min_c)}, with min and max taken from {@code fitOn}; a
   * constant column becomes 0. Values of {@code data} outside the fitted range fall outside [0, 1].
   */
  public static DenseDataset minMax(DenseDataset fitOn, DenseDataset data) {
    int d = fitOn.columns();
    if (data.columns() != d) {
      throw new IllegalArgumentException(data.name() + ": has " + data.columns()
          + " columns, " + fitOn.name() + " has " + d);
    }
    double[] min = new double[d];
    double[] max = new double[d];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    float[] f = fitOn.features();
    for (int e = 0; e < f.length; e++) {
      int c = e % d;
      min[c] = Math.min(min[c], f[e]);
      max[c] = Math.max(max[c], f[e]);
    }
    float[] x = data.features();
    float[] out = new float[x.length];
    for (int e = 0; e < x.length; e++) {
      int c = e % d;
      double range = max[c] - min[c];
      out[e] = range > 0 ? (float) ((x[e] - min[c]) / range) : 0f;
    }
    return data.withFeatures(data.name() + " (min-max)", out);
  }
}
