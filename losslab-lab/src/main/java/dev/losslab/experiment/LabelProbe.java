package dev.losslab.experiment;

import dev.losslab.loss.Loss;
import dev.losslab.loss.Target;

/**
 * Evaluates a classification loss on one example given its class label, whatever target form the loss
 * wants: the label itself when the loss accepts class labels, otherwise the one-hot row {@code e_y} as
 * a dense target (seed 002 §6.4); with label smoothing ε, always the dense row
 * {@code (1 − ε)·e_y + ε/K}.
 * Holds its own scratch, so one probe serves one thread; no allocation per call.
 */
public final class LabelProbe {
  private final Loss loss;
  private final int k;
  private final boolean labels;
  private final Target target;
  private final int[] label;
  private final double[] row;
  private final double smoothing;

  /**
   * @param loss the loss
   * @param k number of classes (scores per example)
   */
  public LabelProbe(Loss loss, int k) {
    this(loss, k, 0.0);
  }

  /**
   * @param loss the loss
   * @param k number of classes (scores per example)
   * @param smoothing label smoothing ε in [0, 1) of the dense targets
   */
  public LabelProbe(Loss loss, int k, double smoothing) {
    if (!(smoothing >= 0 && smoothing < 1)) {
      throw new IllegalArgumentException("smoothing (" + smoothing + ") must be in [0, 1)");
    }
    this.loss = loss;
    this.k = k;
    this.smoothing = smoothing;
    this.labels = smoothing == 0 && acceptsLabels(loss, k);
    this.label = new int[1];
    this.row = new double[k];
    this.target = labels ? Target.labels(label) : Target.dense(1, k, row);
  }

  /** Whether {@code loss} takes class-index targets for {@code k} classes. */
  public static boolean acceptsLabels(Loss loss, int k) {
    try {
      loss.validate(Target.labels(new int[] {0}), 1, k);
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Whether this probe passes labels (true) or one-hot rows (false). */
  public boolean usesLabels() {
    return labels;
  }

  /** The targets of {@code y} in the form this loss wants: labels or one-hot rows. */
  public Target targets(int[] y) {
    if (labels) {
      return Target.labels(y);
    }
    double[] v = new double[y.length * k];
    for (int i = 0; i < y.length; i++) {
      fill(v, i * k, y[i]);
    }
    return Target.dense(y.length, k, v);
  }

  private void fill(double[] v, int o, int y) {
    double off = smoothing / k;
    for (int j = 0; j < k; j++) {
      v[o + j] = off;
    }
    v[o + y] = 1.0 - smoothing + off;
  }

  /**
   * Value of the loss at {@code s[so..so+k)} for class {@code y}, as the {@code mean} reduction counts
   * one example (the sum divided by the loss's {@link Loss#meanWeight}: element-wise losses such as mse
   * become {@code (1/K) Σ_j}, as seed 000 writes them); writes its gradient ∂L/∂s to {@code g[0..k)}.
   */
  public double evaluate(double[] s, int so, int y, double[] g) {
    if (labels) {
      label[0] = y;
    } else {
      fill(row, 0, y);
    }
    double v = loss.evaluate(s, so, k, target, 0, g, 0);
    double w = loss.meanWeight(target, 0, k);
    if (w > 0 && w != 1) {
      for (int j = 0; j < k; j++) {
        g[j] /= w;
      }
      v /= w;
    }
    return v;
  }
}
