package dev.losslab.nn;

import dev.losslab.unit.Activation;

/**
 * One dense layer {@code y = f(z)}, {@code z = W·x + b}, on a batch of rows, with its backward pass
 * beside its forward pass (seed 002 §6.2.1: {@code z_j = Σ_i w_ij x_i + b_j}, {@code y_j = f(z_j)}).
 *
 * <p>The layer owns no numbers: its weights and biases live in the network's flat parameter vector at
 * {@link #weightOffset()} and {@link #biasOffset()}. The weight from input {@code i} to unit {@code j}
 * sits at {@code weightOffset + i·outputs + j} (input-major, so both the forward product and the
 * weight gradient run as contiguous {@code axpy} loops over the units, which the JIT vectorises).
 *
 * <p>A layer with a {@code null} activation is linear ({@code y = z}); the network's last layer is
 * linear and its outputs are the scores a {@link dev.losslab.loss.Loss} reads.
 *
 * <p>Non-finite inputs propagate (a NaN input makes NaN outputs); the trainer stops on the first
 * non-finite loss rather than letting them spread silently.
 */
public final class DenseLayer {
  private final int inputs;
  private final int outputs;
  private final Activation activation;
  private final int weightOffset;
  private final int biasOffset;

  DenseLayer(int inputs, int outputs, Activation activation, int weightOffset) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.activation = activation;
    this.weightOffset = weightOffset;
    this.biasOffset = weightOffset + inputs * outputs;
  }

  /** Number of inputs {@code x}. */
  public int inputs() {
    return inputs;
  }

  /** Number of units {@code y}. */
  public int outputs() {
    return outputs;
  }

  /** The activation {@code f}, or {@code null} for a linear layer. */
  public Activation activation() {
    return activation;
  }

  /** Where this layer's weights start in the parameter vector. */
  public int weightOffset() {
    return weightOffset;
  }

  /** Where this layer's biases start in the parameter vector (right after the weights). */
  public int biasOffset() {
    return biasOffset;
  }

  /** Index in the parameter vector of the weight from input {@code input} to unit {@code unit}. */
  public int weightIndex(int input, int unit) {
    if (input < 0 || input >= inputs || unit < 0 || unit >= outputs) {
      throw new IndexOutOfBoundsException(
          "weight (" + input + ", " + unit + ") outside " + inputs + " × " + outputs);
    }
    return weightOffset + input * outputs + unit;
  }

  /** Number of parameters: {@code inputs·outputs} weights and {@code outputs} biases. */
  public int parameterCount() {
    return inputs * outputs + outputs;
  }

  /**
   * Forward: {@code z = W·x + b}, {@code y = f(z)} for {@code rows} rows.
   *
   * <p>Caches for the backward pass: {@code z} (the activation's derivative takes {@code z} and
   * {@code y}) and {@code y}; the backward pass also needs {@code x}, which the caller keeps (it is the
   * previous layer's {@code y} or the batch input). For a linear layer {@code y} is {@code z}.
   *
   * @param p the parameter vector
   * @param x inputs, {@code rows × inputs}
   * @param z receives the pre-activations, {@code rows × outputs}
   * @param y receives the outputs, {@code rows × outputs}; may be {@code z} for a linear layer
   */
  void forward(double[] p, double[] x, int rows, double[] z, double[] y) {
    final int in = inputs;
    final int out = outputs;
    // a plain loop, not System.arraycopy: with the copy in this method the product below ran 1.5× slower
    for (int r = 0; r < rows; r++) {
      final int zr = r * out;
      for (int j = 0; j < out; j++) {
        z[zr + j] = p[biasOffset + j];
      }
    }
    // four inputs at a time, all rows: four rows of W stay in L1 while each row of z (in L2) is loaded
    // and stored once per four inputs; a row whose four inputs are all 0 (image background, inactive
    // ReLU units) is skipped
    int i = 0;
    for (; i + 4 <= in; i += 4) {
      final int w0 = weightOffset + i * out;
      final int w1 = w0 + out;
      final int w2 = w1 + out;
      final int w3 = w2 + out;
      for (int r = 0; r < rows; r++) {
        final int xr = r * in + i;
        final double a0 = x[xr];
        final double a1 = x[xr + 1];
        final double a2 = x[xr + 2];
        final double a3 = x[xr + 3];
        if (a0 == 0.0 && a1 == 0.0 && a2 == 0.0 && a3 == 0.0) {
          continue;
        }
        final int zr = r * out;
        for (int j = 0; j < out; j++) {
          z[zr + j] += a0 * p[w0 + j] + a1 * p[w1 + j] + a2 * p[w2 + j] + a3 * p[w3 + j];
        }
      }
    }
    for (; i < in; i++) {
      final int wi = weightOffset + i * out;
      for (int r = 0; r < rows; r++) {
        final double xi = x[r * in + i];
        if (xi == 0.0) {
          continue;
        }
        final int zr = r * out;
        for (int j = 0; j < out; j++) {
          z[zr + j] += xi * p[wi + j];
        }
      }
    }
    if (activation != null) {
      final Activation f = activation;
      final int n = rows * out;
      for (int e = 0; e < n; e++) {
        y[e] = f.value(z[e]);
      }
    }
  }

  /**
   * Backward: given {@code dy = ∂J/∂y}, overwrites it with {@code dz = dy ⊙ f'(z)} and accumulates
   *
   * <pre>
   *   ∂J/∂b_j  += Σ_r dz_rj
   *   ∂J/∂w_ij += Σ_r x_ri · dz_rj
   *   ∂J/∂x_ri  = Σ_j w_ij · dz_rj      (written to dx, unless dx is null)
   * </pre>
   *
   * @param p the parameter vector
   * @param x the inputs the forward pass saw
   * @param z the pre-activations the forward pass cached
   * @param y the outputs the forward pass cached
   * @param dy ∂J/∂y on entry, ∂J/∂z on return
   * @param grad the parameter gradient, accumulated into (zeroed once per step by the caller)
   * @param dx receives ∂J/∂x, {@code rows × inputs}, or {@code null} for the first layer
   * @param rowOffset scratch of at least {@code rows} ints (from the workspace)
   * @param rowValue scratch of at least {@code rows} doubles (from the workspace)
   */
  void backward(double[] p, double[] x, int rows, double[] z, double[] y, double[] dy,
      double[] grad, double[] dx, int[] rowOffset, double[] rowValue) {
    final int in = inputs;
    final int out = outputs;
    if (activation != null) {
      final Activation f = activation;
      final int n = rows * out;
      for (int e = 0; e < n; e++) {
        dy[e] *= f.derivative(z[e], y[e]);
      }
    }
    for (int r = 0; r < rows; r++) {
      final int dr = r * out;
      for (int j = 0; j < out; j++) {
        grad[biasOffset + j] += dy[dr + j];
      }
    }
    // ∂J/∂w_i· += Σ_r x_ri · dz_r·: gather the rows with x_ri ≠ 0, then add them four at a time, so
    // the row of grad is loaded and stored once per four rows instead of once per row
    for (int i = 0; i < in; i++) {
      final int wi = weightOffset + i * out;
      int m = 0;
      for (int r = 0; r < rows; r++) {
        final double xi = x[r * in + i];
        if (xi != 0.0) {
          rowOffset[m] = r * out;
          rowValue[m] = xi;
          m++;
        }
      }
      int q = 0;
      for (; q + 4 <= m; q += 4) {
        final double a0 = rowValue[q];
        final double a1 = rowValue[q + 1];
        final double a2 = rowValue[q + 2];
        final double a3 = rowValue[q + 3];
        final int o0 = rowOffset[q];
        final int o1 = rowOffset[q + 1];
        final int o2 = rowOffset[q + 2];
        final int o3 = rowOffset[q + 3];
        for (int j = 0; j < out; j++) {
          grad[wi + j] += a0 * dy[o0 + j] + a1 * dy[o1 + j] + a2 * dy[o2 + j] + a3 * dy[o3 + j];
        }
      }
      for (; q < m; q++) {
        final double a0 = rowValue[q];
        final int o0 = rowOffset[q];
        for (int j = 0; j < out; j++) {
          grad[wi + j] += a0 * dy[o0 + j];
        }
      }
    }
    if (dx != null) {
      for (int r = 0; r < rows; r++) {
        final int dr = r * out;
        final int xr = r * in;
        for (int i = 0; i < in; i++) {
          final int wi = weightOffset + i * out;
          double s = 0;
          for (int j = 0; j < out; j++) {
            s += p[wi + j] * dy[dr + j];
          }
          dx[xr + i] = s;
        }
      }
    }
  }

  @Override
  public String toString() {
    return inputs + "→" + outputs + (activation == null ? " linear" : " " + activation.name());
  }
}
