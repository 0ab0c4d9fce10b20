package dev.losslab.loss;

/**
 * {@code poisson}: Poisson negative log-likelihood with log input, {@code e^{s_j} − y_j·s_j} per element,
 * derivative {@code e^{s_j} − y_j}: PyTorch's {@code PoissonNLLLoss(log_input=True, full=False)}. It is
 * the principled relative of {@code exp-mse} (seed 000 §4): same exponential output unit, but a gradient
 * that grows like {@code e^s}, not {@code e^{2s}}.
 *
 * <p>Targets: counts or rates, finite and ≥ 0 (a label reads as a one-hot row). Element-wise:
 * {@code mean} divides by {@code n·K}. Where {@code e^s} overflows ({@code s > 709.78}) the true value is
 * not representable and the value and gradient are {@code +∞}, never NaN; far below, {@code e^s}
 * underflows to 0 and the value is {@code −y·s}.
 */
public final class PoissonNegativeLogLikelihood extends ElementwiseLoss {

  @Override
  public String name() {
    return "poisson";
  }

  @Override
  public void validate(Target target, int n, int k) {
    super.validate(target, n, k);
    if (!target.hasLabels()) {
      double[] v = target.values();
      for (int i = 0; i < n * k; i++) {
        if (v[i] < 0) {
          throw new IllegalArgumentException("target of example " + (i / k) + ", class " + (i % k)
              + " is " + v[i] + ", must be >= 0 (a count or rate)");
        }
      }
    }
  }

  @Override
  protected double value(double s, double y) {
    return y == 0 ? Math.exp(s) : Math.exp(s) - y * s;
  }

  @Override
  protected double derivative(double s, double y) {
    return Math.exp(s) - y;
  }
}
