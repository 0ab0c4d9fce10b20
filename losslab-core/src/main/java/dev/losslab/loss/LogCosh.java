package dev.losslab.loss;

import dev.losslab.math.Stable;

/**
 * {@code log-cosh}: {@code log cosh(s_j − y_j)} per element, derivative {@code tanh(s_j − y_j)}
 * (optax {@code log_cosh}, Keras {@code LogCosh}): quadratic near 0, linear far out, smooth everywhere.
 *
 * <p>Computed without {@code cosh} (which overflows beyond 710): {@code |x| + log1p(e^{−2|x|}) − log 2}
 * for {@code |x| ≥ 1} and {@code log1p(2 sinh²(x/2))} below, which keeps full relative precision for
 * tiny errors ({@code log cosh 1e-5 = 5e-11}, not rounding noise). Element-wise: {@code mean} divides by
 * {@code n·K} (Keras' mean over the last axis, then over examples). Finite for every finite input.
 */
public final class LogCosh extends ElementwiseLoss {

  @Override
  public String name() {
    return "log-cosh";
  }

  @Override
  protected double value(double s, double y) {
    return Stable.logCosh(s - y);
  }

  @Override
  protected double derivative(double s, double y) {
    return Math.tanh(s - y);
  }
}
