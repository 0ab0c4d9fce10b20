package dev.losslab.loss;

/**
 * {@code smooth-l1}: PyTorch's {@code SmoothL1Loss(beta)} per element, {@code x = s − y}:
 * {@code ½x²/β} for {@code |x| < β}, {@code |x| − ½β} beyond; derivative {@code x/β} inside and
 * {@code sign(x)} outside (Huber with δ = β, divided by β).
 *
 * <p>{@code β = 0} is exactly L1, as PyTorch routes it (pytorch#96813): value {@code |x|}, derivative
 * {@code sign(x)} with 0 at the kink {@code x = 0}, never the NaN of {@code x/0}. For {@code β > 0} there
 * is no kink. Element-wise: {@code mean} divides by {@code n·K}. Finite for every finite input.
 */
public final class SmoothL1 extends ElementwiseLoss {

  /**
   * Options of {@code smooth-l1}.
   *
   * @param beta the width β of the quadratic part, finite and ≥ 0 (default 1; 0 is L1)
   */
  public record Options(double beta) {
    /** Validates β. */
    public Options {
      LossOptions.nonNegative("beta", beta);
    }
  }

  private final double beta;

  /** Smooth-L1 with the given β. */
  public SmoothL1(Options options) {
    this.beta = options.beta();
  }

  /** Smooth-L1 with β = 1. */
  public SmoothL1() {
    this(new Options(1.0));
  }

  @Override
  public String name() {
    return "smooth-l1";
  }

  @Override
  protected double value(double s, double y) {
    double x = s - y;
    double a = Math.abs(x);
    return a < beta ? 0.5 * x * x / beta : a - 0.5 * beta;
  }

  @Override
  protected double derivative(double s, double y) {
    double x = s - y;
    return Math.abs(x) < beta ? x / beta : Math.signum(x);
  }
}
