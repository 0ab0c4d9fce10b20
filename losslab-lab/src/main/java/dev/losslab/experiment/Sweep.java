package dev.losslab.experiment;

import dev.losslab.loss.Loss;
import dev.losslab.loss.Target;

/**
 * One-dimensional sweeps of a loss for {@code explore}: the value and one partial derivative as one
 * score varies with the others held, or as one output probability varies. Every number comes from the
 * loss's own {@code evaluate}; nothing is re-derived here except the chain rule from a logit to its
 * probability, stated where used.
 *
 * @param x the swept abscissae
 * @param value the loss at each point
 * @param gradient the swept partial derivative at each point
 */
public record Sweep(double[] x, double[] value, double[] gradient) {

  /** {@code n} evenly spaced points from {@code lo} to {@code hi} inclusive. */
  public static double[] grid(double lo, double hi, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = lo + (hi - lo) * i / (n - 1);
    }
    return x;
  }

  /**
   * Sweeps score {@code varied} over {@code xs} with the other scores fixed at {@code base}, for an
   * example of class {@code label}; records {@code L} and {@code ∂L/∂s_varied}.
   */
  public static Sweep score(LabelProbe probe, double[] base, int label, int varied, double[] xs) {
    int k = base.length;
    double[] s = base.clone();
    double[] g = new double[k];
    double[] v = new double[xs.length];
    double[] d = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      s[varied] = xs[i];
      v[i] = probe.evaluate(s, 0, label, g);
      d[i] = g[varied];
    }
    return new Sweep(xs.clone(), v, d);
  }

  /**
   * A loss of one score with a dense target {@code d} (e.g. {@code mse}, {@code sigmoid-mse},
   * {@code binary-cross-entropy} with k = 1), swept over the score.
   */
  public static Sweep scalar(Loss loss, double d, double[] xs) {
    Target t = Target.dense(1, 1, new double[] {d});
    double[] s = new double[1];
    double[] g = new double[1];
    double[] v = new double[xs.length];
    double[] grad = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      s[0] = xs[i];
      v[i] = loss.evaluate(s, 0, 1, t, 0, g, 0);
      grad[i] = g[0];
    }
    return new Sweep(xs.clone(), v, grad);
  }

  /**
   * A loss on a logit, read as a function of the probability {@code y = σ(z)}: evaluates the loss at
   * {@code z = log(y / (1 − y))} and converts the derivative by the chain rule,
   * {@code dL/dy = (dL/dz) / (y (1 − y))}.
   */
  public static Sweep probabilityViaLogit(Loss loss, double d, double[] ys) {
    double[] z = new double[ys.length];
    for (int i = 0; i < ys.length; i++) {
      z[i] = Math.log(ys[i] / (1 - ys[i]));
    }
    Sweep atZ = scalar(loss, d, z);
    double[] dy = new double[ys.length];
    for (int i = 0; i < ys.length; i++) {
      dy[i] = atZ.gradient()[i] / (ys[i] * (1 - ys[i]));
    }
    return new Sweep(ys.clone(), atZ.value(), dy);
  }

  /** The absolute values of the gradient (for log-scale plots of its size). */
  public double[] gradientMagnitude() {
    double[] a = new double[gradient.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.abs(gradient[i]);
    }
    return a;
  }
}
