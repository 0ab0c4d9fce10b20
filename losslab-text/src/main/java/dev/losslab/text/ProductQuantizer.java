package dev.losslab.text;

import dev.losslab.text.format.Codebook;
import dev.losslab.text.format.QuantizedMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * fastText's product quantizer (productquantizer.cc, quantmatrix.cc), step for step, so that a matrix
 * quantized here gets the codes and centroids fastText gives it:
 *
 * <ul>
 *   <li>each row is cut into {@code nsubq = ⌈dim/dsub⌉} sub-vectors ({@link Codebook}), and each
 *       sub-quantizer gets 256 centroids by k-means on at most 65,536 rows (256 per centroid), drawn
 *       by shuffling the row ids anew for each sub-quantizer when there are more;
 *   <li>k-means starts from 256 distinct sample points (a shuffle of the sample), then runs 25
 *       iterations of assignment (squared L2 in float, the first nearest centroid wins) and update
 *       (the mean of the assigned points); a centroid left empty takes a copy of a populous one
 *       (picked by fastText's random walk over the clusters, weighted by their sizes) and the two are
 *       pushed apart by {@code ±1e-7} on alternate coordinates, sharing its points;
 *   <li>all draws come from one {@code std::minstd_rand} seeded 1234 ({@link MinStdRand});
 *   <li>with {@code qnorm} the rows are divided by their L2 norms first (a zero row is left as it is),
 *       and the norms get a quantizer of their own (dim 1, dsub 1, its own generator seeded 1234).
 * </ul>
 *
 * <p>Assignments run on {@code threads} threads (rows split in ranges; each row's code depends only on
 * the row and the centroids, so the result is the same for any thread count); the updates and all
 * draws are sequential, as in fastText. The input array is never changed.
 */
public final class ProductQuantizer {
  /** Centroids per sub-quantizer. */
  static final int KSUB = Codebook.CENTROIDS;
  /** At most this many rows train a sub-quantizer (256 per centroid). */
  static final int MAX_POINTS = 256 * KSUB;
  /** The seed of every quantizer's generator. */
  static final long SEED = 1234;
  /** k-means iterations. */
  static final int ITERATIONS = 25;
  /** How far a split centroid and its copy are pushed apart, per coordinate. */
  static final float EPS = 1e-7f;

  private final Codebook codebook;
  private final float[] centroids;
  private final MinStdRand rng = new MinStdRand(SEED);
  private final Pool pool;

  private ProductQuantizer(int dim, int dsub, Pool pool) {
    this.codebook = Codebook.zeros(dim, dsub);
    this.centroids = codebook.centroids();
    this.pool = pool;
  }

  /**
   * Quantizes a dense row-major matrix as fastText's {@code QuantMatrix(mat, dsub, qnorm)} does.
   *
   * @param data {@code rows × cols} values, row-major (not changed)
   * @param what the matrix's name for the error message, e.g. {@code "the input matrix"}
   * @param threads threads for the assignments ({@code >= 1}); the result does not depend on it
   * @throws IllegalArgumentException if the matrix has fewer than 256 rows (as fastText: "Matrix too
   *     small for quantization"), or {@code dsub < 1}
   */
  public static QuantizedMatrix quantize(float[] data, int rows, int cols, int dsub, boolean qnorm,
      String what, int threads) {
    if (dsub < 1) {
      throw new IllegalArgumentException("-dsub (" + dsub + ") must be >= 1");
    }
    if ((long) rows * cols != data.length) {
      throw new IllegalArgumentException(
          "matrix has " + data.length + " values, not rows (" + rows + ") × cols (" + cols + ")");
    }
    if (rows < KSUB) {
      throw new IllegalArgumentException(what + " has " + rows + " rows; product quantization needs at"
          + " least " + KSUB + " (one per centroid)");
    }
    try (Pool pool = new Pool(threads)) {
      float[] norms = null;
      byte[] normCodes = new byte[0];
      Codebook normBook = null;
      if (qnorm) {
        norms = new float[rows];
        for (int i = 0; i < rows; i++) {
          norms[i] = l2Norm(data, i * cols, cols);
        }
        ProductQuantizer npq = new ProductQuantizer(1, 1, pool);
        npq.train(norms, rows, null);
        normCodes = new byte[rows];
        npq.encode(norms, rows, null, normCodes);
        normBook = npq.codebook;
      }
      ProductQuantizer pq = new ProductQuantizer(cols, dsub, pool);
      pq.train(data, rows, norms);
      byte[] codes = new byte[rows * pq.codebook.nsubq()];
      pq.encode(data, rows, norms, codes);
      return new QuantizedMatrix(qnorm, rows, cols, codes, pq.codebook, normCodes, normBook);
    }
  }

  /**
   * fastText's row norm (densematrix.cc {@code l2NormRow}): the float squares summed in double, the
   * square root rounded to float.
   */
  static float l2Norm(float[] a, int off, int n) {
    double s = 0.0;
    for (int j = 0; j < n; j++) {
      float v = a[off + j];
      s += v * v;
    }
    return (float) Math.sqrt(s);
  }

  /** The value the quantizer sees: the row divided by its norm when there are norms (and it is not 0). */
  private static float value(float[] x, float[] norms, int row, int at) {
    if (norms == null) {
      return x[at];
    }
    float n = norms[row];
    return n != 0 ? x[at] / n : x[at];
  }

  /** productquantizer.cc {@code train}: a k-means per sub-quantizer on a sample of the rows. */
  private void train(float[] x, int n, float[] norms) {
    int dim = codebook.dim();
    int dsub = codebook.dsub();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    int np = Math.min(n, MAX_POINTS);
    float[] slice = new float[np * dsub];
    for (int m = 0; m < codebook.nsubq(); m++) {
      int d = codebook.width(m);
      if (np != n) {
        rng.shuffle(perm, n);
      }
      for (int j = 0; j < np; j++) {
        int row = perm[j];
        int src = row * dim + m * dsub;
        for (int t = 0; t < d; t++) {
          slice[j * d + t] = value(x, norms, row, src + t);
        }
      }
      kmeans(slice, codebook.offset(m, 0), np, d);
    }
  }

  /** productquantizer.cc {@code kmeans}: 256 distinct sample points to start, then 25 iterations. */
  private void kmeans(float[] x, int c0, int n, int d) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    rng.shuffle(perm, n);
    for (int i = 0; i < KSUB; i++) {
      System.arraycopy(x, perm[i] * d, centroids, c0 + i * d, d);
    }
    byte[] codes = new byte[n];
    for (int it = 0; it < ITERATIONS; it++) {
      pool.run(n, (lo, hi) -> {
        for (int i = lo; i < hi; i++) {
          codes[i] = (byte) nearest(x, i * d, c0, d);
        }
      });
      update(x, c0, codes, d, n);
    }
  }

  /**
   * productquantizer.cc {@code assign_centroid}: the nearest of the 256 centroids at {@code c0} to
   * {@code x[xo .. xo+d)} by squared L2 summed in float; ties keep the lower index.
   */
  private int nearest(float[] x, int xo, int c0, int d) {
    float[] c = centroids;
    if (d == 2) {
      float x0 = x[xo];
      float x1 = x[xo + 1];
      float t0 = x0 - c[c0];
      float t1 = x1 - c[c0 + 1];
      float best = t0 * t0 + t1 * t1;
      int code = 0;
      for (int j = 1, o = c0 + 2; j < KSUB; j++, o += 2) {
        float u0 = x0 - c[o];
        float u1 = x1 - c[o + 1];
        float dis = u0 * u0 + u1 * u1;
        if (dis < best) {
          best = dis;
          code = j;
        }
      }
      return code;
    }
    float best = distance(x, xo, c, c0, d);
    int code = 0;
    for (int j = 1, o = c0 + d; j < KSUB; j++, o += d) {
      float dis = distance(x, xo, c, o, d);
      if (dis < best) {
        best = dis;
        code = j;
      }
    }
    return code;
  }

  /** productquantizer.cc {@code distL2}: {@code Σ (x − y)²} in float, in order. */
  private static float distance(float[] x, int xo, float[] y, int yo, int d) {
    float dist = 0;
    for (int i = 0; i < d; i++) {
      float t = x[xo + i] - y[yo + i];
      dist += t * t;
    }
    return dist;
  }

  /** productquantizer.cc {@code MStep}: the means, then the empty clusters split off populous ones. */
  private void update(float[] x, int c0, byte[] codes, int d, int n) {
    float[] c = centroids;
    int[] nelts = new int[KSUB];
    java.util.Arrays.fill(c, c0, c0 + d * KSUB, 0f);
    for (int i = 0; i < n; i++) {
      int k = codes[i] & 0xFF;
      int o = c0 + k * d;
      for (int j = 0; j < d; j++) {
        c[o + j] += x[i * d + j];
      }
      nelts[k]++;
    }
    for (int k = 0; k < KSUB; k++) {
      float z = nelts[k];
      if (z != 0) {
        int o = c0 + k * d;
        for (int j = 0; j < d; j++) {
          c[o + j] /= z;
        }
      }
    }
    for (int k = 0; k < KSUB; k++) {
      if (nelts[k] != 0) {
        continue;
      }
      int m = 0;
      while (rng.canonical() * (n - KSUB) >= nelts[m] - 1) {
        m = (m + 1) % KSUB;
      }
      System.arraycopy(c, c0 + m * d, c, c0 + k * d, d);
      for (int j = 0; j < d; j++) {
        int sign = (j % 2) * 2 - 1;
        c[c0 + k * d + j] += sign * EPS;
        c[c0 + m * d + j] -= sign * EPS;
      }
      nelts[k] = nelts[m] / 2;
      nelts[m] -= nelts[k];
    }
  }

  /** productquantizer.cc {@code compute_codes}: each row's nearest centroid per sub-quantizer. */
  private void encode(float[] x, int n, float[] norms, byte[] out) {
    int dim = codebook.dim();
    int dsub = codebook.dsub();
    int nsubq = codebook.nsubq();
    pool.run(n, (lo, hi) -> {
      float[] row = new float[dim];
      for (int i = lo; i < hi; i++) {
        for (int t = 0; t < dim; t++) {
          row[t] = value(x, norms, i, i * dim + t);
        }
        for (int m = 0; m < nsubq; m++) {
          out[i * nsubq + m] = (byte) nearest(row, m * dsub, codebook.offset(m, 0), codebook.width(m));
        }
      }
    });
  }

  /** A range of rows, {@code [lo, hi)}. */
  @FunctionalInterface
  private interface Range {
    void run(int lo, int hi);
  }

  /** The assignment threads: a range of rows each, joined before the caller goes on. */
  private static final class Pool implements AutoCloseable {
    private final int threads;
    private final ExecutorService executor;

    Pool(int threads) {
      this.threads = Math.max(1, threads);
      this.executor = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, r -> {
        Thread t = new Thread(r, "quantize");
        t.setDaemon(true);
        return t;
      });
    }

    void run(int n, Range range) {
      int t = Math.min(threads, Math.max(1, n / 1024));
      if (t == 1 || executor == null) {
        range.run(0, n);
        return;
      }
      List<Future<?>> parts = new ArrayList<>(t - 1);
      for (int w = 1; w < t; w++) {
        int lo = (int) ((long) w * n / t);
        int hi = (int) ((long) (w + 1) * n / t);
        parts.add(executor.submit(() -> range.run(lo, hi)));
      }
      range.run(0, (int) ((long) n / t));
      for (Future<?> f : parts) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(cause);
        }
      }
    }

    @Override
    public void close() {
      if (executor != null) {
        executor.shutdownNow();
      }
    }
  }
}
