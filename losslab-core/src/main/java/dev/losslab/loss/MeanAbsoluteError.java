package dev.losslab.loss;

/**
 * {@code mae}: the absolute error {@code |s_j − y_j|} per element, derivative {@code sign(s_j − y_j)};
 * the {@code mean} over an example's {@code K} elements is {@code (1/K)‖y − s‖₁} with gradient
 * {@code sign(s − y)/K} (PyTorch {@code L1Loss}).
 *
 * <p>Kink at {@code s = y}: the gradient there is 0 (PyTorch's {@code sgn}, pytorch#7172), a valid
 * subgradient, so a component that is already right gets no push. The gradient checker flags these
 * points as kinks. Expected output unit: identity. Finite for every finite input.
 */
public final class MeanAbsoluteError extends ElementwiseLoss {

  @Override
  public String name() {
    return "mae";
  }

  @Override
  protected double value(double s, double y) {
    return Math.abs(s - y);
  }

  @Override
  protected double derivative(double s, double y) {
    return Math.signum(s - y);
  }
}
