package dev.losslab.data;

/**
 * Per-column standardisation {@code x' = (x − μ_c) / σ_c}, with the mean and the (population) standard
 * deviation fitted on one data set, usually the training set, and applied to any data set with the same
 * columns. A constant column ({@code σ_c = 0}) is only centred.
 *
 * @param mean μ per column
 * @param scale the divisor per column: σ_c, or 1 where σ_c is 0
 */
public record Standardizer(double[] mean, double[] scale) {

  /** Fits μ and σ on {@code data}'s features (two passes, in double). */
  public static Standardizer fit(DenseDataset data) {
    int n = data.rows();
    int d = data.columns();
    if (n == 0) {
      throw new IllegalArgumentException(data.name() + ": cannot fit a standardizer on no examples");
    }
    float[] x = data.features();
    double[] mean = new double[d];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        mean[c] += x[r * d + c];
      }
    }
    for (int c = 0; c < d; c++) {
      mean[c] /= n;
    }
    double[] var = new double[d];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        double e = x[r * d + c] - mean[c];
        var[c] += e * e;
      }
    }
    double[] scale = new double[d];
    for (int c = 0; c < d; c++) {
      double sd = Math.sqrt(var[c] / n);
      scale[c] = sd > 0 ? sd : 1.0;
    }
    return new Standardizer(mean, scale);
  }

  /**
   * A standardised copy of {@code data}.
   *
   * @throws IllegalArgumentException if the column counts differ
   */
  public DenseDataset apply(DenseDataset data) {
    int d = mean.length;
    if (data.columns() != d) {
      throw new IllegalArgumentException(data.name() + ": has " + data.columns()
          + " columns, the standardizer was fitted on " + d);
    }
    float[] x = data.features();
    float[] out = new float[x.length];
    for (int e = 0; e < x.length; e++) {
      int c = e % d;
      out[e] = (float) ((x[e] - mean[c]) / scale[c]);
    }
    return data.withFeatures(data.name() + " (standardized)", out);
  }
}
