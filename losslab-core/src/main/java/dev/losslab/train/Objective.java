package dev.losslab.train;

import dev.losslab.loss.Loss;
import dev.losslab.loss.Target;
import dev.losslab.nn.Network;
import dev.losslab.nn.Workspace;
import java.util.Arrays;
import java.util.Objects;

/**
 * The function training minimises (seed 001 §1: a primary loss plus a regularisation term; seed 002
 * §6.1: the mean divergence over the examples):
 *
 * <pre>
 *   J(θ) = Σ_i loss(s_i, t_i) / Σ_i m_i  +  (λ/2) Σ_W w²
 *   ∂J/∂θ = (Σ_i backprop(∂loss_i/∂s_i)) / Σ_i m_i  +  λ·w   (the last term on weights only)
 * </pre>
 *
 * where {@code s_i} are the network's scores for example {@code i} and {@code m_i} its mean weight
 * ({@link Loss#meanWeight}: 1 per example, {@code k} for element-wise losses such as {@code mse}, the
 * class weight for weighted cross-entropy), exactly the {@code mean} reduction of
 * {@link dev.losslab.loss.LossEvaluation}. Biases are not decayed. Value and gradient are computed in
 * one pass, so the gradient is the derivative of the value reported.
 *
 * <p>A NaN or infinite loss is returned as it is; the {@link Trainer} turns it into a
 * {@link TrainingDivergedException}.
 */
public final class Objective {
  private static final int CHUNK = 256;

  private final Network network;
  private final Loss loss;
  private final double weightDecay;

  /**
   * The objective of {@code network} under {@code loss} with L2 weight {@code weightDecay} (λ).
   *
   * @throws IllegalArgumentException if {@code weightDecay} is negative or not finite
   */
  public Objective(Network network, Loss loss, double weightDecay) {
    this.network = Objects.requireNonNull(network, "network");
    this.loss = Objects.requireNonNull(loss, "loss");
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException("weight decay (" + weightDecay + ") must be ≥ 0 and finite");
    }
    this.weightDecay = weightDecay;
  }

  /** The network whose parameters θ the objective is a function of. */
  public Network network() {
    return network;
  }

  /** The primary loss. */
  public Loss loss() {
    return loss;
  }

  /** λ of the regularisation term. */
  public double weightDecay() {
    return weightDecay;
  }

  /** The regularisation term {@code (λ/2)‖W‖²} at the current parameters. */
  public double regularization() {
    return weightDecay == 0 ? 0.0 : 0.5 * weightDecay * network.weightSquaredNorm();
  }

  /**
   * Checks that {@code data} fits the network and the loss: column count, target shape and whatever the
   * loss demands of its targets, and finite features.
   *
   * @throws IllegalArgumentException naming the row and value at fault
   */
  public void validate(Examples data) {
    if (data.columns() != network.inputs()) {
      throw new IllegalArgumentException(
          "examples have " + data.columns() + " features, the network takes " + network.inputs());
    }
    loss.validate(data.target(), data.rows(), network.outputs());
    float[] x = data.features();
    for (int e = 0; e < x.length; e++) {
      if (!Float.isFinite(x[e])) {
        throw new IllegalArgumentException(
            "feature " + (e % data.columns()) + " of example " + (e / data.columns()) + " is " + x[e]
                + ", must be finite");
      }
    }
  }

  /** {@code J(θ)} on every example of {@code data}. */
  public double value(Examples data) {
    return pass(data, null);
  }

  /**
   * {@code J(θ)} on every example of {@code data}, and {@code ∂J/∂θ} written (not accumulated) to
   * {@code grad}, length {@link Network#parameterCount()}.
   */
  public double valueAndGradient(Examples data, double[] grad) {
    return pass(data, Objects.requireNonNull(grad, "grad"));
  }

  private double pass(Examples data, double[] grad) {
    int n = data.rows();
    int d = data.columns();
    int k = network.outputs();
    int chunk = Math.max(1, Math.min(CHUNK, n));
    Workspace ws = network.workspace(chunk);
    double[] x = new double[chunk * d];
    float[] features = data.features();
    if (grad != null) {
      Arrays.fill(grad, 0.0);
    }
    double sum = 0;
    double weight = 0;
    for (int start = 0; start < n; start += chunk) {
      int rows = Math.min(chunk, n - start);
      for (int e = 0; e < rows * d; e++) {
        x[e] = features[start * d + e];
      }
      double[] s = network.forward(ws, x, rows);
      double[] g = ws.scoreGradient();
      Target t = data.target();
      for (int r = 0; r < rows; r++) {
        sum += loss.evaluate(s, r * k, k, t, start + r, g, r * k);
        weight += loss.meanWeight(t, start + r, k);
      }
      if (grad != null) {
        network.backward(ws, grad);
      }
    }
    double scale = weight == 0 ? 0.0 : 1.0 / weight;
    if (grad != null) {
      finishGradient(grad, scale);
    }
    return sum * scale + regularization();
  }

  /** Scales the accumulated example gradients by {@code scale} and adds {@code λ·w}. */
  void finishGradient(double[] grad, double scale) {
    for (int e = 0; e < grad.length; e++) {
      grad[e] *= scale;
    }
    if (weightDecay != 0) {
      network.addWeightDecayGradient(weightDecay, grad);
    }
  }
}
