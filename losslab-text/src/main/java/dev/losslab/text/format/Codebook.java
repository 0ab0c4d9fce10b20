package dev.losslab.text.format;

import java.util.Objects;

/**
 * The centroids of a product quantizer as a fastText {@code .ftz} stores them (productquantizer.cc
 * {@code save} / {@code load}): {@code int32 dim, nsubq, dsub, lastdsub}, then {@code dim × 256}
 * little-endian {@code float32}. A vector of {@code dim} values is cut into {@code nsubq} sub-vectors of
 * {@code dsub} values, the last one of {@code lastdsub}; each sub-vector has its own 256 centroids, so a
 * code byte per sub-vector names one of them.
 *
 * <p>Layout of {@link #centroids()}: sub-quantizer {@code m < nsubq − 1} keeps its 256 centroids of
 * {@code dsub} values at {@code (m·256 + c)·dsub}; the last keeps its centroids of {@code lastdsub}
 * values at {@code m·256·dsub + c·lastdsub}. The shape is fastText's: {@code nsubq = ⌈dim / dsub⌉},
 * {@code lastdsub = dim mod dsub}, or {@code dsub} when that is 0.
 *
 * <p>The record keeps the array it is given (not copied): whoever builds one hands it over.
 *
 * @param dim the length of the vectors
 * @param nsubq the number of sub-quantizers
 * @param dsub the length of every sub-vector but the last
 * @param lastdsub the length of the last sub-vector
 * @param centroids {@code dim × 256} values in the layout above
 */
public record Codebook(int dim, int nsubq, int dsub, int lastdsub, float[] centroids) {
  /** Centroids per sub-quantizer: one byte of code. */
  public static final int CENTROIDS = 256;

  /**
   * @throws IllegalArgumentException if the shape is not fastText's for {@code dim} and {@code dsub}
   *     or the array does not hold {@code dim × 256} values (the message gives the numbers)
   */
  public Codebook {
    Objects.requireNonNull(centroids, "centroids");
    String why = shapeProblem(dim, nsubq, dsub, lastdsub);
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
    if ((long) dim * CENTROIDS != centroids.length) {
      throw new IllegalArgumentException("codebook of dim " + dim + " needs " + (long) dim * CENTROIDS
          + " centroid values, got " + centroids.length);
    }
  }

  /** A codebook of zeros with fastText's shape for {@code dim} and {@code dsub}. */
  public static Codebook zeros(int dim, int dsub) {
    if (dim < 1 || dsub < 1) {
      throw new IllegalArgumentException("dim (" + dim + ") and dsub (" + dsub + ") must be >= 1");
    }
    int nsubq = dim / dsub;
    int lastdsub = dim % dsub;
    if (lastdsub == 0) {
      lastdsub = dsub;
    } else {
      nsubq++;
    }
    return new Codebook(dim, nsubq, dsub, lastdsub, new float[dim * CENTROIDS]);
  }

  /**
   * Why {@code (dim, nsubq, dsub, lastdsub)} is not the shape fastText gives a quantizer of
   * {@code dim} and {@code dsub}, or null when it is.
   */
  static String shapeProblem(int dim, int nsubq, int dsub, int lastdsub) {
    if (dim < 1 || dsub < 1 || (long) dim * CENTROIDS > Integer.MAX_VALUE - 8) {
      return "codebook dim " + dim + " and dsub " + dsub + " must be >= 1 (and dim × 256 fit an array)";
    }
    int n = dim / dsub;
    int last = dim % dsub;
    if (last == 0) {
      last = dsub;
    } else {
      n++;
    }
    if (nsubq != n || lastdsub != last) {
      return "codebook of dim " + dim + " and dsub " + dsub + " must have nsubq " + n
          + " and lastdsub " + last + ", not " + nsubq + " and " + lastdsub;
    }
    return null;
  }

  /** Where centroid {@code code} of sub-quantizer {@code m} starts in {@link #centroids()}. */
  public int offset(int m, int code) {
    return m == nsubq - 1 ? m * CENTROIDS * dsub + code * lastdsub : (m * CENTROIDS + code) * dsub;
  }

  /** The length of sub-vector {@code m}: {@code dsub}, or {@code lastdsub} for the last. */
  public int width(int m) {
    return m == nsubq - 1 ? lastdsub : dsub;
  }

  /** The shape only, not the values. */
  @Override
  public String toString() {
    return "Codebook[dim " + dim + ", nsubq " + nsubq + ", dsub " + dsub + ", lastdsub " + lastdsub
        + "]";
  }
}
