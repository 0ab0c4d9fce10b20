package dev.losslab.loss;

import dev.losslab.loss.kernel.FloatLoss;
import java.util.Objects;

/**
 * Evaluates a {@link Loss} on a batch of scores, applies the {@link Reduction} to value and gradient,
 * and checks inputs: shapes, finite scores, and whatever the loss's own {@link Loss#validate} demands.
 * The float overload is the float path of training, for every loss: the fused float loops of a
 * built-in that has them, otherwise each row widened to double ({@link FloatLoss#of}).
 */
public final class LossEvaluation {
  private LossEvaluation() {}

  /**
   * Evaluates {@code loss} on row-major scores {@code n × k}.
   *
   * @throws IllegalArgumentException on a shape mismatch, a non-finite score, or a target the loss
   *     rejects; the message names the example and the value
   */
  public static LossResult evaluate(Loss loss, double[] scores, int n, int k, Target target,
      Reduction reduction) {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reduction, "reduction");
    checkScores(scores, n, k);
    loss.validate(target, n, k);

    double[] gradient = new double[n * k];
    double[] values = null;
    if (reduction == Reduction.NONE) {
      values = new double[loss.elementwise() ? n * k : n];
    }
    double sum = 0;
    double weight = 0;
    for (int i = 0; i < n; i++) {
      double v = loss.evaluate(scores, i * k, k, target, i, gradient, i * k);
      sum += v;
      if (reduction == Reduction.MEAN) {
        weight += loss.meanWeight(target, i, k);
      } else if (reduction == Reduction.NONE) {
        if (loss.elementwise()) {
          loss.elementValues(scores, i * k, k, target, i, values, i * k);
        } else {
          values[i] = v;
        }
      }
    }
    double value = sum;
    if (reduction == Reduction.MEAN) {
      if (weight == 0) {
        java.util.Arrays.fill(gradient, 0.0);
        value = 0.0;
      } else {
        double scale = 1.0 / weight;
        value = sum * scale;
        for (int i = 0; i < gradient.length; i++) {
          gradient[i] *= scale;
        }
      }
    }
    return new LossResult(value, values, gradient, n, k, reduction);
  }

  /** Evaluates {@code loss} on scores given as rows of equal length. */
  public static LossResult evaluate(Loss loss, double[][] scores, Target target, Reduction reduction) {
    int n = scores.length;
    int k = n == 0 ? 0 : scores[0].length;
    double[] flat = new double[n * k];
    for (int i = 0; i < n; i++) {
      if (scores[i].length != k) {
        throw new IllegalArgumentException(
            "scores row " + i + " has " + scores[i].length + " values, row 0 has " + k);
      }
      System.arraycopy(scores[i], 0, flat, i * k, k);
    }
    return evaluate(loss, flat, n, k, target, reduction);
  }

  /**
   * The float path for training: evaluates {@code loss} on float scores and writes the reduced
   * gradient into {@code gradient} (length {@code n × k}). Only {@code MEAN} and {@code SUM}.
   * Inputs are not validated here beyond shape: callers (trainers) validate their data once. The loss's
   * float path is picked once for the batch ({@link FloatLoss#of}: its fused loops if it has them,
   * otherwise each row widened to double and run through its double {@code evaluate}); the mean's
   * {@code 1/Σ mean weights} is computed first and handed to that path, so the gradient is written
   * final in a single pass over the batch; an all-ignored or empty batch gives 0.
   *
   * @return the reduced value
   */
  public static double evaluate(Loss loss, float[] scores, int n, int k, Target target,
      Reduction reduction, float[] gradient) {
    if (reduction == Reduction.NONE) {
      throw new IllegalArgumentException("the float path reduces: use mean or sum");
    }
    if (scores.length < n * k || gradient.length < n * k) {
      throw new IllegalArgumentException(
          "scores (" + scores.length + ") and gradient (" + gradient.length + ") need n × k = "
              + ((long) n * k) + " values");
    }
    double[] scratch = new double[2 * k];
    double weight = 0;
    if (reduction == Reduction.MEAN) {
      for (int i = 0; i < n; i++) {
        weight += loss.meanWeight(target, i, k);
      }
      if (weight == 0) {
        java.util.Arrays.fill(gradient, 0, n * k, 0f);
        return 0.0;
      }
    }
    // the mean's 1/weight goes into the loss's own gradient loop: one pass over the batch, not two
    float scale = reduction == Reduction.MEAN ? (float) (1.0 / weight) : 1f;
    FloatLoss path = FloatLoss.of(loss);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += path.evaluate(scores, i * k, k, target, i, gradient, i * k, scratch, scale);
    }
    return reduction == Reduction.MEAN ? sum / weight : sum;
  }

  /** Checks the score array holds {@code n × k} finite values. */
  public static void checkScores(double[] scores, int n, int k) {
    Objects.requireNonNull(scores, "scores");
    if (n < 0 || k < 0 || (long) n * k != scores.length) {
      throw new IllegalArgumentException(
          "scores have " + scores.length + " values, expected n (" + n + ") × k (" + k + ")");
    }
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException(
            "score of example " + (i / Math.max(k, 1)) + ", class " + (i % Math.max(k, 1)) + " is "
                + scores[i] + ", must be finite");
      }
    }
  }
}
