package dev.losslab.loss;

import dev.losslab.math.Stable;

/**
 * {@code sigmoid-focal}: the sigmoid focal loss of RetinaNet (Lin et al. 2017) per element, as
 * torchvision's {@code sigmoid_focal_loss}: with {@code p = σ(s)}, target {@code t ∈ [0, 1]},
 * {@code p_t = p·t + (1 − p)(1 − t)} and {@code α_t = α·t + (1 − α)(1 − t)},
 * {@code L_j = α_t·BCE(s, t)·(1 − p_t)^γ}, {@code BCE = t·softplus(−s) + (1 − t)·softplus(s)}; a negative
 * α turns the α weighting off ({@code α_t = 1}). {@code γ = 0} with {@code α < 0} is
 * {@code binary-cross-entropy}.
 *
 * <p>Gradient: with {@code w = 1 − p_t}, {@code ∂BCE/∂s = p − t} and
 * {@code ∂w/∂s = (1 − 2t)·p(1 − p)}:
 * {@code ∂L/∂s = α_t·[(p − t)·w^γ + γ·BCE·(1 − 2t)·w^{γ−1}·p(1 − p)]}.
 *
 * <p>Computed from log-sigmoids ({@link Stable#softplus}): {@code w = t·σ(−s) + (1 − t)·σ(s)} as
 * {@code log w = logaddexp(log t + log σ(−s), log(1 − t) + log σ(s))}, never {@code 1 − p_t} by
 * subtraction, so {@code w^γ = e^{γ log w}} keeps its precision for a confident correct element and is
 * never {@code 0^γ}; {@code w^{γ−1}·p(1 − p) = e^{γ log w + log σ(s) + log σ(−s) − log w}}, finite also for
 * {@code γ < 1} where {@code w^{γ−1}} alone would overflow ({@code w → 0} only for {@code t ∈ {0, 1}}, and
 * there {@code p(1 − p)/w} is {@code p} or {@code 1 − p}). {@code p − t} is
 * {@code (1 − t)·σ(s) − t·σ(−s)}. Finite for every finite score; smooth for γ ≥ 0 (no kinks).
 *
 * <p>Element-wise: {@code mean} divides by {@code n·K}, {@code none} gives {@code n × K} values (torchvision's
 * reductions). Targets: a dense row in [0, 1] or a label read as a one-hot row. Expected output unit:
 * sigmoid (fused).
 */
public final class SigmoidFocal implements Loss {

  /**
   * Options of {@code sigmoid-focal}.
   *
   * @param gamma the focusing exponent γ, finite and ≥ 0 (default 2)
   * @param alpha the weight α of the positive class, finite and ≤ 1; negative turns the weighting off
   *     (default 0.25, torchvision's)
   */
  public record Options(double gamma, double alpha) {
    /** Validates γ and α. */
    public Options {
      LossOptions.nonNegative("gamma", gamma);
      if (!(alpha <= 1 && alpha > Double.NEGATIVE_INFINITY)) {
        throw new IllegalArgumentException("alpha (" + alpha
            + ") must be finite and <= 1 (a negative alpha turns the weighting off)");
      }
    }
  }

  private final double gamma;
  private final double alpha;

  /** Sigmoid focal loss with the given options. */
  public SigmoidFocal(Options options) {
    this.gamma = options.gamma();
    this.alpha = options.alpha();
  }

  /** Sigmoid focal loss with γ = 2, α = 0.25. */
  public SigmoidFocal() {
    this(new Options(2.0, 0.25));
  }

  @Override
  public String name() {
    return "sigmoid-focal";
  }

  @Override
  public boolean elementwise() {
    return true;
  }

  @Override
  public void validate(Target target, int n, int k) {
    if (target.hasLabels()) {
      Targets.requireLabelsInRange(target, n, k, false, 0);
    } else {
      Targets.requireShape(target, n, k);
      Targets.requireUnitInterval(target, n, k);
    }
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    double sum = 0;
    for (int j = 0; j < k; j++) {
      sum += element(s[so + j], t.value(row, j), g, go + j);
    }
    return sum;
  }

  @Override
  public void elementValues(double[] s, int so, int k, Target t, int row, double[] out, int oo) {
    for (int j = 0; j < k; j++) {
      out[oo + j] = element(s[so + j], t.value(row, j), null, 0);
    }
  }

  /** One element's value; writes its derivative to {@code g[gi]} unless {@code g} is null. */
  private double element(double x, double y, double[] g, int gi) {
    double spNeg = Stable.softplus(-x); // −log σ(x)
    double spPos = Stable.softplus(x); // −log σ(−x)
    double bce = y * spNeg + (1 - y) * spPos;
    double logW = logAddExp(y == 0 ? Double.NEGATIVE_INFINITY : Math.log(y) - spPos,
        y == 1 ? Double.NEGATIVE_INFINITY : Math.log1p(-y) - spNeg); // log(1 − p_t)
    double focus = gamma == 0 ? 1.0 : Math.exp(gamma * logW); // (1 − p_t)^γ
    double at = alpha < 0 ? 1.0 : alpha * y + (1 - alpha) * (1 - y);
    if (g != null) {
      double residual = (1 - y) * Stable.sigmoid(x) - y * Stable.sigmoid(-x); // p − t
      double d = residual * focus;
      if (gamma != 0 && bce != 0) {
        // γ·BCE·(1 − 2t)·w^{γ−1}·p(1 − p), with w^{γ−1}·p(1 − p) = e^{(γ−1)·log w − spNeg − spPos}
        d += gamma * bce * (1 - 2 * y) * Math.exp((gamma - 1) * logW - spNeg - spPos);
      }
      g[gi] = at * d;
    }
    return at * bce * focus;
  }

  /** {@code log(e^a + e^b)}; {@code −∞} arguments are empty terms. */
  private static double logAddExp(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double hi = Math.max(a, b);
    return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
  }

  @Override
  public String toString() {
    return name();
  }
}
