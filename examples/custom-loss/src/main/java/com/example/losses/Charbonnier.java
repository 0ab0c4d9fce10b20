package com.example.losses;

import dev.losslab.loss.ElementwiseLoss;

/**
 * {@code charbonnier}: the Charbonnier loss, a smooth absolute error. Per element, with
 * {@code d = s − y} and a scale {@code ε > 0},
 *
 * <pre>
 *   ℓ(s, y)  = √(d² + ε²) − ε
 *   ∂ℓ/∂s    = d / √(d² + ε²)          (in (−1, 1))
 *   ∂²ℓ/∂s²  = ε² / (d² + ε²)^{3/2}    (> 0: convex, and smooth everywhere)
 * </pre>
 *
 * Derivation: {@code ∂/∂s √(d² + ε²) = ½ (d² + ε²)^{−½} · 2d · ∂d/∂s} and {@code ∂d/∂s = 1}.
 *
 * <p>For {@code |d| ≪ ε} it is {@code d²/(2ε)}, a squared error, so the gradient fades to 0 at the
 * target instead of jumping from −1 to 1 as {@code mae}'s does; for {@code |d| ≫ ε} it is
 * {@code |d| − ε}, an absolute error, robust to outliers, with a gradient that never exceeds 1 (unlike
 * {@code mse}'s {@code 2d}). {@code ε} sets where one turns into the other. {@code ε·ℓ} is the
 * pseudo-Huber loss with {@code δ = ε} (Hartley and Zisserman, <i>Multiple View Geometry</i>, 2nd ed.,
 * appendix 6); the penalty is from Charbonnier, Blanc-Féraud, Aubert and Barlaud, ICIP 1994, and
 * {@code ε = 1e-3} (the default here) is the value Lai et al. train super-resolution networks with
 * (LapSRN, CVPR 2017).
 *
 * <p>Numerics: the value is computed as {@code |d| · |d| / (r + ε)} with {@code r = hypot(d, ε)}, which
 * equals {@code r − ε} without its cancellation when {@code |d| ≪ ε} and without overflow of
 * {@code d²} when {@code |d| > 1e154}; the gradient {@code d / r} is finite for every finite {@code d}.
 * Values and gradients are finite for finite scores and targets whose difference is finite; there are no
 * kinks. Targets: dense rows of finite reals, or class labels read as one-hot rows. Element-wise, as
 * PyTorch would reduce it: {@code mean} divides by {@code n·K}. Immutable and thread-safe.
 */
public final class Charbonnier extends ElementwiseLoss {
  /** The name it is offered under. */
  public static final String NAME = "charbonnier";
  /** The default scale {@code ε}. */
  public static final double DEFAULT_EPSILON = 1e-3;

  private final double epsilon;

  /**
   * @param epsilon the scale {@code ε} where the squared error turns into the absolute error
   * @throws IllegalArgumentException unless {@code epsilon} is finite and {@code > 0}
   */
  public Charbonnier(double epsilon) {
    if (!(epsilon > 0 && epsilon < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("epsilon (" + epsilon + ") must be > 0 and finite");
    }
    this.epsilon = epsilon;
  }

  /** The scale {@code ε}. */
  public double epsilon() {
    return epsilon;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected double value(double s, double y) {
    double d = Math.abs(s - y);
    return d * (d / (Math.hypot(d, epsilon) + epsilon));
  }

  @Override
  protected double derivative(double s, double y) {
    double d = s - y;
    return d / Math.hypot(d, epsilon);
  }
}
