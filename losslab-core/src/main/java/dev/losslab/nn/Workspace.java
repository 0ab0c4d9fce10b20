package dev.losslab.nn;

/**
 * The scratch one thread needs to run a {@link Network} forward and backward on up to
 * {@link #capacity()} rows: per layer the pre-activations {@code z} and outputs {@code y} the forward
 * pass caches for the backward pass, per layer a buffer for {@code ∂J/∂y}, and the backward pass's
 * list of rows with a non-zero input. Made by
 * {@link Network#workspace(int)}; never shared between threads, never hidden in a {@code ThreadLocal}.
 *
 * <p>Nothing is allocated per example or per batch: a trainer makes one workspace and reuses it.
 */
public final class Workspace {
  final int capacity;
  final double[][] z;
  final double[][] y;
  final double[][] dy;
  /** Scratch for the backward pass: offsets and values of the rows whose input is not zero. */
  final int[] rowOffset;
  final double[] rowValue;
  /** The batch input the last forward pass saw (not copied); the first layer's backward reads it. */
  double[] input;
  /** Rows of the last forward pass. */
  int rows;

  Workspace(Network network, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("workspace capacity (" + capacity + ") must be ≥ 1");
    }
    this.capacity = capacity;
    int layers = network.layers().size();
    this.z = new double[layers][];
    this.y = new double[layers][];
    this.dy = new double[layers][];
    this.rowOffset = new int[capacity];
    this.rowValue = new double[capacity];
    for (int l = 0; l < layers; l++) {
      DenseLayer layer = network.layers().get(l);
      int size = capacity * layer.outputs();
      z[l] = new double[size];
      y[l] = layer.activation() == null ? z[l] : new double[size];
      dy[l] = new double[size];
    }
  }

  /** The most rows one forward pass may take. */
  public int capacity() {
    return capacity;
  }

  /** The scores of the last forward pass, {@code rows × outputs} (a live view, not a copy). */
  public double[] scores() {
    return y[y.length - 1];
  }

  /**
   * The buffer for ∂J/∂scores, {@code rows × outputs}: fill it, then call
   * {@link Network#backward(Workspace, double[])}. The backward pass overwrites it.
   */
  public double[] scoreGradient() {
    return dy[dy.length - 1];
  }

  /** The outputs {@code y} of hidden layer {@code layer} from the last forward pass (live view). */
  public double[] activations(int layer) {
    return y[layer];
  }

  /** Rows of the last forward pass. */
  public int rows() {
    return rows;
  }
}
