package dev.losslab.loss;

/**
 * {@code huber}: PyTorch's {@code HuberLoss(delta)} per element, {@code x = s − y}:
 * {@code ½x²} for {@code |x| < δ}, {@code δ(|x| − ½δ)} beyond; derivative {@code x} inside and
 * {@code δ·sign(x)} outside. At {@code |x| = δ} PyTorch takes the linear branch; both agree there (the
 * derivative is continuous, only the second derivative jumps), so there is no kink.
 *
 * <p>Element-wise: {@code mean} divides by {@code n·K}. Expected output unit: identity. Finite for every
 * finite input (linear growth, no overflow below ≈ 1.8e308/δ).
 */
public final class Huber extends ElementwiseLoss {

  /**
   * Options of {@code huber}.
   *
   * @param delta the threshold δ between the quadratic and linear parts, finite and > 0 (default 1)
   */
  public record Options(double delta) {
    /** Validates δ. */
    public Options {
      LossOptions.positive("delta", delta);
    }
  }

  private final double delta;

  /** Huber loss with the given δ. */
  public Huber(Options options) {
    this.delta = options.delta();
  }

  /** Huber loss with δ = 1. */
  public Huber() {
    this(new Options(1.0));
  }

  @Override
  public String name() {
    return "huber";
  }

  @Override
  protected double value(double s, double y) {
    double x = s - y;
    double a = Math.abs(x);
    return a < delta ? 0.5 * x * x : delta * (a - 0.5 * delta);
  }

  @Override
  protected double derivative(double s, double y) {
    double x = s - y;
    return Math.abs(x) < delta ? x : delta * Math.signum(x);
  }
}
