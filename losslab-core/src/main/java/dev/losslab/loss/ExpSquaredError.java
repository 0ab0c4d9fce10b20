package dev.losslab.loss;

/**
 * {@code exp-mse}: the loss proposed in seed 000 §4, {@code (e^{s_j} − y_j)²} per element, derivative
 * {@code 2(e^{s_j} − y_j)·e^{s_j}}; the {@code mean} over an example's {@code K} elements is
 * {@code (1/K)‖y − e^s‖²} with gradient {@code (2/K)(e^s − y) ⊙ e^s}.
 *
 * <p>Expected output unit: exp (fused here). The difference {@code e^s − y} is formed as
 * {@code expm1(s)} when {@code y = 1}, so a one-hot target near its optimum keeps full precision. The
 * gradient is unbounded ({@code ~e^{2s}}): the value overflows for {@code s ≳ 354.9} and {@code e^s} for
 * {@code s > 709.78}. There the true value is not representable and the result is {@code +∞}, never NaN
 * ({@link LossDiagnostics} names the examples); {@code poisson} is the well-behaved relative.
 * Element-wise as PyTorch would reduce it: {@code mean} divides by {@code n·K}. Far below zero the value
 * tends to {@code y²} with gradient 0.
 */
public final class ExpSquaredError extends ElementwiseLoss {

  @Override
  public String name() {
    return "exp-mse";
  }

  private static double difference(double s, double y) {
    return y == 1 ? Math.expm1(s) : Math.exp(s) - y;
  }

  @Override
  protected double value(double s, double y) {
    double d = difference(s, y);
    return d * d;
  }

  @Override
  protected double derivative(double s, double y) {
    double e = Math.exp(s);
    return e == 0 ? 0.0 : 2 * difference(s, y) * e;
  }
}
