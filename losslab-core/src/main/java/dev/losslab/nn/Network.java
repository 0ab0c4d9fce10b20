package dev.losslab.nn;

import dev.losslab.unit.Activation;
import dev.losslab.unit.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A feed-forward network of {@link DenseLayer}s: hidden layers {@code h = f(W·x + b)} with any
 * {@link Activation}, then a linear output layer whose outputs are the scores {@code s = W·h + b}
 * that a {@link dev.losslab.loss.Loss} reads (seed 001 §2: the output unit, softmax or sigmoid or
 * none, belongs to the loss, which works on the scores for stability).
 *
 * <pre>{@code
 * Network net = Network.builder(784).dense(128, "relu").output(10).build(seed);
 * }</pre>
 *
 * <p>All weights and biases sit in one flat {@link #parameters()} vector, so optimizers, weight decay,
 * gradient norms and the gradient checker treat the network as one point {@code θ}. The parameters are
 * mutable (the trainer updates them in place); {@link #copy()} takes a snapshot. Everything else is
 * fixed at build time. Forward and backward passes take an explicit {@link Workspace}, one per thread.
 *
 * <p>Initialisation (deterministic by seed): biases 0, weights uniform in {@code ±gain·√(6/(in+out))}
 * (Glorot and Bengio 2010), with {@code gain = √2} before ReLU-like activations (He et al. 2015) and 1
 * otherwise.
 */
public final class Network {
  private final List<DenseLayer> layers;
  private final double[] parameters;

  private Network(List<DenseLayer> layers, double[] parameters) {
    this.layers = layers;
    this.parameters = parameters;
  }

  /** Starts a network with {@code inputs} input features. */
  public static Builder builder(int inputs) {
    return new Builder(inputs);
  }

  /** Number of input features. */
  public int inputs() {
    return layers.get(0).inputs();
  }

  /** Number of scores (the output layer's units). */
  public int outputs() {
    return layers.get(layers.size() - 1).outputs();
  }

  /** The layers, input to output; the last is linear. */
  public List<DenseLayer> layers() {
    return layers;
  }

  /** Number of parameters: every weight and bias. */
  public int parameterCount() {
    return parameters.length;
  }

  /**
   * The parameter vector θ, live (not a copy): writing to it changes the network. Layer {@code l}'s
   * weights and biases are at {@link DenseLayer#weightOffset()} and {@link DenseLayer#biasOffset()}.
   */
  public double[] parameters() {
    return parameters;
  }

  /** An independent copy with the same layers and a copy of the parameters. */
  public Network copy() {
    return new Network(layers, parameters.clone());
  }

  /** Sets the parameters from {@code values} (copied). */
  public void setParameters(double[] values) {
    if (values.length != parameters.length) {
      throw new IllegalArgumentException(
          "parameters have " + values.length + " values, the network has " + parameters.length);
    }
    System.arraycopy(values, 0, parameters, 0, parameters.length);
  }

  /** A new workspace for forward and backward passes of up to {@code rows} rows. */
  public Workspace workspace(int rows) {
    return new Workspace(this, rows);
  }

  /**
   * Forward pass on {@code rows} rows of {@code x} ({@code rows × inputs}, row-major).
   *
   * <p>Caches in {@code ws} what the backward pass needs: a reference to {@code x} (do not change it
   * before calling {@link #backward}), and every layer's {@code z} and {@code y}.
   *
   * @return the scores, {@code ws.scores()}, valid for {@code rows × outputs} values until the next pass
   */
  public double[] forward(Workspace ws, double[] x, int rows) {
    if (rows > ws.capacity || rows < 0) {
      throw new IllegalArgumentException(
          "rows (" + rows + ") must be in [0, workspace capacity " + ws.capacity + "]");
    }
    if (x.length < rows * inputs()) {
      throw new IllegalArgumentException(
          "input has " + x.length + " values, need rows (" + rows + ") × inputs (" + inputs() + ")");
    }
    ws.input = x;
    ws.rows = rows;
    double[] in = x;
    for (int l = 0; l < layers.size(); l++) {
      layers.get(l).forward(parameters, in, rows, ws.z[l], ws.y[l]);
      in = ws.y[l];
    }
    return ws.y[layers.size() - 1];
  }

  /**
   * Backward pass through the rows of the last {@link #forward} on {@code ws}: reads ∂J/∂scores from
   * {@link Workspace#scoreGradient()} (overwriting it and every layer's {@code dy}) and
   * <em>accumulates</em> ∂J/∂θ into {@code grad} (length {@link #parameterCount()}); the caller zeroes
   * {@code grad} once per step.
   */
  public void backward(Workspace ws, double[] grad) {
    if (grad.length != parameters.length) {
      throw new IllegalArgumentException(
          "gradient has " + grad.length + " values, the network has " + parameters.length);
    }
    int rows = ws.rows;
    for (int l = layers.size() - 1; l >= 0; l--) {
      double[] x = l == 0 ? ws.input : ws.y[l - 1];
      double[] dx = l == 0 ? null : ws.dy[l - 1];
      layers.get(l).backward(parameters, x, rows, ws.z[l], ws.y[l], ws.dy[l], grad, dx,
          ws.rowOffset, ws.rowValue);
    }
  }

  /** Scores of {@code rows} float rows, {@code rows × outputs}; allocates, for evaluation. */
  public double[] scores(float[] features, int rows) {
    int d = inputs();
    int k = outputs();
    int chunk = Math.max(1, Math.min(rows, 256));
    Workspace ws = workspace(chunk);
    double[] x = new double[chunk * d];
    double[] out = new double[rows * k];
    for (int start = 0; start < rows; start += chunk) {
      int n = Math.min(chunk, rows - start);
      for (int e = 0; e < n * d; e++) {
        x[e] = features[start * d + e];
      }
      double[] s = forward(ws, x, n);
      System.arraycopy(s, 0, out, start * k, n * k);
    }
    return out;
  }

  /** The arg-max of each row's scores (the first on ties); allocates, for evaluation. */
  public int[] predict(float[] features, int rows) {
    double[] s = scores(features, rows);
    int k = outputs();
    int[] out = new int[rows];
    for (int r = 0; r < rows; r++) {
      out[r] = argmax(s, r * k, k);
    }
    return out;
  }

  /** Index of the largest of {@code s[o..o+k)}, the first on ties; NaN never wins. */
  public static int argmax(double[] s, int o, int k) {
    int best = 0;
    for (int j = 1; j < k; j++) {
      if (s[o + j] > s[o + best]) {
        best = j;
      }
    }
    return best;
  }

  /** {@code Σ w²} over every weight (not the biases): the L2 regularisation term's sum. */
  public double weightSquaredNorm() {
    double s = 0;
    for (DenseLayer layer : layers) {
      int end = layer.biasOffset();
      for (int e = layer.weightOffset(); e < end; e++) {
        s += parameters[e] * parameters[e];
      }
    }
    return s;
  }

  /** Adds {@code lambda · w} to {@code grad} at every weight (not the biases). */
  public void addWeightDecayGradient(double lambda, double[] grad) {
    for (DenseLayer layer : layers) {
      int end = layer.biasOffset();
      for (int e = layer.weightOffset(); e < end; e++) {
        grad[e] += lambda * parameters[e];
      }
    }
  }

  /** The shape, e.g. {@code 784-128(relu)-10}. */
  public String describe() {
    StringBuilder b = new StringBuilder().append(inputs());
    for (DenseLayer layer : layers) {
      b.append('-').append(layer.outputs());
      if (layer.activation() != null) {
        b.append('(').append(layer.activation().name()).append(')');
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "Network[" + describe() + ", " + parameters.length + " parameters]";
  }

  /** Builds a {@link Network} layer by layer. */
  public static final class Builder {
    private final int inputs;
    private final List<Integer> units = new ArrayList<>();
    private final List<Activation> activations = new ArrayList<>();

    private Builder(int inputs) {
      if (inputs < 1) {
        throw new IllegalArgumentException("inputs (" + inputs + ") must be ≥ 1");
      }
      this.inputs = inputs;
    }

    /**
     * Adds a hidden layer of {@code units} units with the named activation (see
     * {@link Units#activationNames()}).
     *
     * @throws IllegalArgumentException for {@code units < 1} or an unknown activation
     */
    public Builder dense(int units, String activation) {
      return dense(units, Units.activation(activation));
    }

    /** Adds a hidden layer of {@code units} units with activation {@code f}. */
    public Builder dense(int units, Activation f) {
      Objects.requireNonNull(f, "activation");
      if (units < 1) {
        throw new IllegalArgumentException("units (" + units + ") must be ≥ 1");
      }
      this.units.add(units);
      this.activations.add(f);
      return this;
    }

    /**
     * Adds the linear output layer of {@code scores} units and returns the finished shape; call
     * {@link Output#build(long)} to initialise the weights.
     */
    public Output output(int scores) {
      if (scores < 1) {
        throw new IllegalArgumentException("scores (" + scores + ") must be ≥ 1");
      }
      List<Integer> u = new ArrayList<>(units);
      List<Activation> a = new ArrayList<>(activations);
      u.add(scores);
      a.add(null);
      return new Output(inputs, u, a);
    }
  }

  /** A finished shape, ready to be initialised. */
  public static final class Output {
    private final int inputs;
    private final List<Integer> units;
    private final List<Activation> activations;

    private Output(int inputs, List<Integer> units, List<Activation> activations) {
      this.inputs = inputs;
      this.units = units;
      this.activations = activations;
    }

    /** The network with weights drawn from {@code seed} (same seed, same network). */
    public Network build(long seed) {
      List<DenseLayer> layers = new ArrayList<>();
      int in = inputs;
      long offset = 0;
      for (int l = 0; l < units.size(); l++) {
        int out = units.get(l);
        layers.add(new DenseLayer(in, out, activations.get(l), Math.toIntExact(offset)));
        offset += (long) in * out + out;
        in = out;
      }
      double[] p = new double[Math.toIntExact(offset)];
      SplittableRandom random = new SplittableRandom(seed);
      for (DenseLayer layer : layers) {
        double limit = gain(layer.activation())
            * Math.sqrt(6.0 / (layer.inputs() + layer.outputs()));
        for (int e = layer.weightOffset(); e < layer.biasOffset(); e++) {
          p[e] = (2 * random.nextDouble() - 1) * limit;
        }
      }
      return new Network(List.copyOf(layers), p);
    }

    private static double gain(Activation f) {
      if (f == null) {
        return 1.0;
      }
      switch (f.name()) {
        case "relu":
        case "leaky-relu":
        case "elu":
        case "gelu":
        case "silu":
          return Math.sqrt(2.0);
        default:
          return 1.0;
      }
    }
  }
}
