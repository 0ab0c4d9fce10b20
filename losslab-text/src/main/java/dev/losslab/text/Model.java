package dev.losslab.text;

/**
 * The two matrices of {@code s = B·A·x} (seed 003): {@code A} ({@code inputRows × dim}, one row per word
 * and per hash bucket) and {@code B} ({@code outputRows × dim}, one row per label, or per internal node
 * for hierarchical softmax), row-major float arrays shared by the training threads without locks
 * (Hogwild; float writes never tear in Java).
 *
 * <p>Forward: {@code h = (1/N) Σ_{i∈x} A_i} over the N input rows of a line (duplicates counted).
 * Backward, after the head has accumulated {@code g = −lr·Bᵀ∂L/∂s} and updated {@code B}: every input row
 * gets {@code A_i += g/N}, once per occurrence — so {@code ∂L/∂A_i = (count_i/N)·Bᵀ∂L/∂s}.
 */
public final class Model {
  private final int dim;
  private final float[] input;
  private final int inputRows;
  private final float[][] output;
  private final int outputRows;

  /**
   * A model over given matrices: {@code input} is used as it is (not copied), {@code output} is copied
   * into one array per row (a row per array lets the JIT vectorize the row updates).
   */
  public Model(int dim, float[] input, float[] output) {
    if (dim <= 0 || input.length % dim != 0 || output.length % dim != 0) {
      throw new IllegalArgumentException(
          "matrices of " + input.length + " and " + output.length + " values do not have dim ("
              + dim + ") columns");
    }
    this.dim = dim;
    this.input = input;
    this.inputRows = input.length / dim;
    this.outputRows = output.length / dim;
    this.output = new float[outputRows][];
    for (int j = 0; j < outputRows; j++) {
      this.output[j] = java.util.Arrays.copyOfRange(output, j * dim, (j + 1) * dim);
    }
  }

  private Model(int dim, float[] input, float[][] output) {
    this.dim = dim;
    this.input = input;
    this.inputRows = input.length / dim;
    this.outputRows = output.length;
    this.output = output;
  }

  /**
   * A model that shares this one's {@code A} and has its own {@code B} rows, {@code rows} (one array
   * of {@code dim} per output row): a training thread's view ({@link OutputReplica}).
   */
  Model withOutput(float[][] rows) {
    if (rows.length != outputRows) {
      throw new IllegalArgumentException(rows.length + " output rows, not " + outputRows);
    }
    return new Model(dim, input, rows);
  }

  /**
   * A new model: {@code A} uniform in {@code ±1/dim} everywhere (fastText's distribution, but every
   * row — fastText 0.9.2 leaves part of {@code A} at zero with fewer than 10 threads), {@code B} zero.
   * The values depend only on the seed, not on {@code threads}.
   */
  public static Model initialized(long inputRows, int outputRows, int dim, long seed, int threads) {
    long n = inputRows * dim;
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "the input matrix (" + inputRows + " rows × " + dim + ") is too large for one array");
    }
    float[] a = new float[(int) n];
    uniform(a, 1.0f / dim, seed, threads);
    return new Model(dim, a, new float[outputRows * dim]);
  }

  static final int BLOCK = 1 << 20;

  static void uniform(float[] a, float bound, long seed, int threads) {
    int blocks = (a.length + BLOCK - 1) / BLOCK;
    int t = Math.max(1, Math.min(threads, blocks));
    Thread[] ts = new Thread[t];
    for (int w = 0; w < t; w++) {
      final int first = w;
      ts[w] = new Thread(() -> {
        for (int b = first; b < blocks; b += t) {
          Rng r = new Rng(seed * 0x9E3779B97F4A7C15L + b);
          int end = Math.min(a.length, (b + 1) * BLOCK);
          double lo = -bound;
          double width = 2.0 * bound;
          for (int i = b * BLOCK; i < end; i++) {
            a[i] = (float) (lo + width * r.nextDouble());
          }
        }
      }, "init-" + w);
      ts[w].start();
    }
    for (Thread th : ts) {
      try {
        th.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  public int dim() { return dim; }
  /** {@code A}, row-major (not a copy). */
  public float[] input() { return input; }
  public int inputRows() { return inputRows; }
  /** {@code B}, row-major: a copy. */
  public float[] output() {
    float[] flat = new float[outputRows * dim];
    for (int j = 0; j < outputRows; j++) {
      System.arraycopy(output[j], 0, flat, j * dim, dim);
    }
    return flat;
  }

  /** Row {@code j} of {@code B} (not a copy; the training threads change it). */
  public float[] outputRow(int j) { return output[j]; }
  public int outputRows() { return outputRows; }

  /** {@code h = mean of A_i over ids[lo..hi)}; zero when the range is empty. */
  public void hidden(int[] ids, int lo, int hi, float[] h) {
    Vectors.zero(h, dim);
    for (int i = lo; i < hi; i++) {
      Vectors.addFrom(h, input, ids[i] * dim, dim);
    }
    if (hi > lo) {
      Vectors.scale(h, (float) (1.0 / (hi - lo)), dim);
    }
  }

  /**
   * One SGD step on one example: forward, the head's loss and update of {@code B}, then the input rows.
   *
   * @return the example's loss
   */
  public double update(int[] ids, int lo, int hi, int[] labels, int llo, int lhi, float lr,
      Head head, Workspace ws) {
    float[] h = ws.hidden;
    float[] g = ws.grad;
    hidden(ids, lo, hi, h);
    Vectors.zero(g, dim);
    double loss = head.update(this, labels, llo, lhi, lr, ws);
    Vectors.scale(g, (float) (1.0 / (hi - lo)), dim);
    for (int i = lo; i < hi; i++) {
      Vectors.add(input, ids[i] * dim, g, dim);
    }
    return loss;
  }
}
