package dev.losslab.text;

import dev.losslab.loss.Loss;
import dev.losslab.loss.SparsemaxLoss;
import dev.losslab.loss.Target;
import dev.losslab.loss.kernel.FloatLoss;

/**
 * A head that trains {@code s = B·h} with any core loss: the loss gives its value and {@code g = ∂L/∂s}
 * on all K scores, then every row with {@code g_j ≠ 0} gets {@code grad += −lr·g_j·B_j} and
 * {@code B_j += −lr·g_j·h} (seed 003's update with the chosen loss in place of softmax cross-entropy).
 *
 * <p>Targets: a single-label line is a class index for losses that take labels, otherwise a one-hot row.
 * A multi-label line with {@code m} labels is a 0/1 row for element-wise losses (one-vs-all), a row of
 * {@code 1/m} on its labels for losses that take distributions, and one label drawn uniformly for losses
 * that only take class indices.
 *
 * <p>Prediction turns scores into the probabilities of the loss's natural output unit: softmax for
 * classification losses, sigmoid for {@code binary-cross-entropy} and {@code sigmoid-*} losses
 * ({@code sigmoid-focal} too), exp for {@code exp-*} and {@code poisson}, sparsemax for {@code sparsemax}
 * (exact zeros outside its support), and the raw score for regression losses such as {@code mse},
 * {@code rescaled-mse} and {@code cosine}. All of these are non-decreasing in the score and labels are
 * ranked by score, so the ranking of labels is the ranking of scores (sparsemax's zeros included).
 */
public final class CoreLossHead implements Head {
  /** How scores become printed probabilities. */
  public enum Unit { SOFTMAX, SIGMOID, EXP, IDENTITY, SPARSEMAX }

  private final Loss loss;
  /** The loss's float path, picked once: its fused loops, or its rows widened to double. */
  private final FloatLoss floatLoss;
  private final int k;
  private final boolean takesLabels;
  private final boolean takesDense;
  private final boolean elementwise;
  private final Unit unit;

  /**
   * @param loss the core loss
   * @param k the number of labels
   */
  public CoreLossHead(Loss loss, int k) {
    this.loss = loss;
    this.floatLoss = FloatLoss.of(loss);
    this.k = k;
    this.takesLabels = accepts(loss, Target.labels(0), k);
    double[] onehot = new double[k];
    onehot[0] = 1;
    this.takesDense = accepts(loss, Target.dense(1, k, onehot), k);
    if (!takesLabels && !takesDense) {
      throw new IllegalArgumentException(
          "loss " + loss.name() + " accepts neither class labels nor target rows for " + k
              + " labels");
    }
    this.elementwise = loss.elementwise();
    this.unit = unitOf(loss.name());
  }

  private static boolean accepts(Loss loss, Target t, int k) {
    try {
      loss.validate(t, 1, k);
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The output unit used to print probabilities for a core loss name. */
  public static Unit unitOf(String name) {
    if (name.equals("binary-cross-entropy") || name.startsWith("sigmoid-")) {
      return Unit.SIGMOID;
    }
    if (name.equals("poisson") || name.startsWith("exp-")) {
      return Unit.EXP;
    }
    switch (name) {
      case "mse", "l2", "mae", "huber", "smooth-l1", "log-cosh", "rescaled-mse", "cosine":
        return Unit.IDENTITY;
      case "sparsemax":
        return Unit.SPARSEMAX;
      default:
        return name.startsWith("identity-") ? Unit.IDENTITY : Unit.SOFTMAX;
    }
  }

  public Loss loss() {
    return loss;
  }

  public Unit unit() {
    return unit;
  }

  @Override
  public String name() {
    return loss.name();
  }

  /** ova for sigmoid outputs, softmax otherwise: either gives fastText the same label ranking. */
  @Override
  public int fastTextCode() {
    return unit == Unit.SIGMOID ? 4 : 3;
  }

  private void scores(Model m, Workspace ws) {
    Vectors.scores(m, ws.hidden, k, ws.scores);
  }

  @Override
  public double update(Model m, int[] labels, int lo, int hi, float lr, Workspace ws) {
    scores(m, ws);
    Target t = target(labels, lo, hi, ws);
    double value = floatLoss.evaluate(ws.scores, 0, k, t, 0, ws.scoreGrad, 0, ws.scratch, 1f);
    int dim = m.dim();
    float[] g = ws.scoreGrad;
    for (int j = 0; j < k; j++) {
      if (g[j] != 0f) {
        Vectors.step(m.outputRow(j), ws.hidden, ws.grad, -lr * g[j], dim);
      }
    }
    return value;
  }

  private Target target(int[] labels, int lo, int hi, Workspace ws) {
    int n = hi - lo;
    if (n == 1 && takesLabels || !takesDense) {
      ws.label[0] = n == 1 ? labels[lo] : Head.drawLabel(labels, lo, hi, ws);
      return ws.labelTarget;
    }
    double[] row = ws.denseRow(k);
    java.util.Arrays.fill(row, 0.0);
    double v = elementwise || n == 1 ? 1.0 : 1.0 / n;
    for (int i = lo; i < hi; i++) {
      row[labels[i]] = elementwise ? 1.0 : row[labels[i]] + v;
    }
    return ws.denseTarget;
  }

  @Override
  public void predict(Model m, Workspace ws, int kTop, float threshold, Predictions out) {
    scores(m, ws);
    float[] s = ws.scores;
    if (unit == Unit.SOFTMAX) {
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, s[j]);
      }
      float z = 0;
      for (int j = 0; j < k; j++) {
        s[j] = (float) Math.exp(s[j] - max);
        z += s[j];
      }
      for (int j = 0; j < k; j++) {
        s[j] /= z;
      }
      SoftmaxHead.collect(s, k, kTop, threshold, out);
      return;
    }
    double[] sparse = ws.scratch;
    if (unit == Unit.SPARSEMAX) {
      for (int j = 0; j < k; j++) {
        sparse[j] = s[j];
      }
      SparsemaxLoss.sparsemax(sparse, 0, k, sparse, k);
    }
    out.reset(kTop);
    for (int j = 0; j < k; j++) {
      float p = switch (unit) {
        case SIGMOID -> Head.sigmoid(s[j]);
        case EXP -> (float) Math.exp(s[j]);
        case SPARSEMAX -> (float) sparse[k + j];
        default -> s[j];
      };
      if (p < threshold) {
        continue;
      }
      out.offer(s[j], j, p);
    }
    out.sort();
  }
}
