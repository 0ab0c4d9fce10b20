package dev.losslab.text;

import dev.losslab.text.format.FastTextMatrix;
import dev.losslab.text.format.QuantizedMatrix;
import dev.losslab.text.format.StoredMatrix;

/**
 * The two matrices of {@code s = B·A·x} (seed 003): {@code A} ({@code inputRows × dim}, one row per word
 * and per hash bucket) and {@code B} ({@code outputRows × dim}, one row per label, or per internal node
 * for hierarchical softmax), row-major float arrays shared by the training threads without locks
 * (Hogwild; float writes never tear in Java).
 *
 * <p>Forward: {@code h = (1/N) Σ_{i∈x} A_i} over the N input rows of a line (duplicates counted).
 * Backward, after the head has accumulated {@code g = −lr·Bᵀ∂L/∂s} and updated {@code B}: every input row
 * gets {@code A_i += g/N}, once per occurrence — so {@code ∂L/∂A_i = (count_i/N)·Bᵀ∂L/∂s}.
 *
 * <p>A <b>quantized</b> model ({@link #quantized}, read from a {@code .ftz}) keeps {@code A}, and with
 * {@code -qout} also {@code B}, as a {@link QuantizedMatrix}: it predicts (the rows are added and dotted
 * in fastText's order, straight from the codes) but cannot be trained.
 */
public final class Model {
  private final int dim;
  private final float[] input;
  private final int inputRows;
  private final float[][] output;
  private final int outputRows;
  /** {@code A} of a quantized model; null for a dense one. */
  private final QuantizedMatrix quantizedInput;
  /** {@code B} of a quantized model made with {@code -qout}; null when {@code B} is dense. */
  private final QuantizedMatrix quantizedOutput;

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
    this.output = rows(output, outputRows, dim);
    this.quantizedInput = null;
    this.quantizedOutput = null;
  }

  private Model(QuantizedMatrix input, StoredMatrix output) {
    this.dim = input.cols();
    this.input = null;
    this.inputRows = input.rows();
    this.outputRows = output.rows();
    this.quantizedInput = input;
    if (output instanceof QuantizedMatrix q) {
      this.output = null;
      this.quantizedOutput = q;
    } else {
      this.output = rows(((FastTextMatrix) output).data(), outputRows, dim);
      this.quantizedOutput = null;
    }
  }

  private Model(int dim, float[] input, float[][] output) {
    this.dim = dim;
    this.input = input;
    this.inputRows = input.length / dim;
    this.outputRows = output.length;
    this.output = output;
    this.quantizedInput = null;
    this.quantizedOutput = null;
  }

  /**
   * A model that shares this one's {@code A} and has its own {@code B} rows, {@code rows} (one array
   * of {@code dim} per output row): a training thread's view ({@link OutputReplica}).
   */
  Model withOutput(float[][] rows) {
    if (input == null) {
      throw new IllegalStateException("a quantized model cannot be trained");
    }
    if (rows.length != outputRows) {
      throw new IllegalArgumentException(rows.length + " output rows, not " + outputRows);
    }
    return new Model(dim, input, rows);
  }

  /**
   * A quantized model for prediction: {@code A} quantized, {@code B} dense or quantized.
   *
   * @throws IllegalArgumentException if the matrices do not have the same number of columns
   */
  public static Model quantized(QuantizedMatrix input, StoredMatrix output) {
    if (input.cols() != output.cols()) {
      throw new IllegalArgumentException("input matrix has " + input.cols()
          + " columns, output matrix " + output.cols());
    }
    return new Model(input, output);
  }

  private static float[][] rows(float[] flat, int n, int dim) {
    float[][] r = new float[n][];
    for (int j = 0; j < n; j++) {
      r[j] = java.util.Arrays.copyOfRange(flat, j * dim, (j + 1) * dim);
    }
    return r;
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
    Threads.run(t, "init", first -> {
      for (int b = first; b < blocks; b += t) {
        Rng r = new Rng(seed * 0x9E3779B97F4A7C15L + b);
        int end = Math.min(a.length, (b + 1) * BLOCK);
        double lo = -bound;
        double width = 2.0 * bound;
        for (int i = b * BLOCK; i < end; i++) {
          a[i] = (float) (lo + width * r.nextDouble());
        }
      }
    });
  }

  public int dim() { return dim; }

  /**
   * {@code A}, row-major (not a copy).
   *
   * @throws IllegalStateException for a quantized model (see {@link #quantizedInput()})
   */
  public float[] input() {
    if (input == null) {
      throw new IllegalStateException("a quantized model has no dense input matrix");
    }
    return input;
  }

  public int inputRows() { return inputRows; }

  /** Whether {@code A} is quantized (a model read from a {@code .ftz} or made by the quantizer). */
  public boolean isQuantized() {
    return quantizedInput != null;
  }

  /** {@code A} of a quantized model; null for a dense one. */
  public QuantizedMatrix quantizedInput() {
    return quantizedInput;
  }

  /** {@code B} of a quantized model made with {@code -qout}; null when {@code B} is dense. */
  public QuantizedMatrix quantizedOutput() {
    return quantizedOutput;
  }

  /** {@code B} as a model file stores it: quantized with {@code -qout}, otherwise dense (a copy). */
  public StoredMatrix storedOutput() {
    return quantizedOutput != null ? quantizedOutput : new FastTextMatrix(outputRows, dim, output());
  }

  /**
   * {@code B}, row-major: a copy.
   *
   * @throws IllegalStateException when {@code B} is quantized
   */
  public float[] output() {
    if (output == null) {
      throw new IllegalStateException("a quantized output matrix has no dense rows");
    }
    float[] flat = new float[outputRows * dim];
    for (int j = 0; j < outputRows; j++) {
      System.arraycopy(output[j], 0, flat, j * dim, dim);
    }
    return flat;
  }

  /** Row {@code j} of {@code B} (not a copy; the training threads change it); null when quantized. */
  public float[] outputRow(int j) { return output == null ? null : output[j]; }
  public int outputRows() { return outputRows; }

  /** The score {@code B_j · h}, from the codes when {@code B} is quantized. */
  public float score(int j, float[] h) {
    return quantizedOutput != null ? quantizedOutput.dotRow(h, j) : Vectors.dot(output[j], 0, h, 0, dim);
  }

  /** {@code h = mean of A_i over ids[lo..hi)}; zero when the range is empty. */
  public void hidden(int[] ids, int lo, int hi, float[] h) {
    Vectors.zero(h, dim);
    if (quantizedInput != null) {
      for (int i = lo; i < hi; i++) {
        quantizedInput.addRow(h, ids[i]);
      }
    } else {
      for (int i = lo; i < hi; i++) {
        Vectors.addFrom(h, input, ids[i] * dim, dim);
      }
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
    if (input == null) {
      throw new IllegalStateException("a quantized model cannot be trained");
    }
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
