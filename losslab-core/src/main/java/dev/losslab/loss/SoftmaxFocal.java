package dev.losslab.loss;

import dev.losslab.math.Stable;

/**
 * {@code focal}: softmax focal loss (Lin et al. 2017, multi-class form)
 * {@code L = −α·(1 − p_y)^γ·log p_y}, {@code p = softmax(s)}. With {@code q = 1 − p_y} and
 * {@code ℓ = log p_y} the gradient is {@code α·c·(p − e_y)} with {@code c = q^γ·(1 − γ·p_y·ℓ/q)}
 * ({@code ℓ/q → −1} as {@code q → 0}). γ = 0 is {@code α}·cross-entropy.
 *
 * <p>Computed in log space (optax#1267): {@code ℓ = s_y − max − log Σ}, and
 * {@code log q = log(1 − e^ℓ)} by {@link Stable#log1mExp} (or, when every other class underflows next to
 * the label, {@code logsumexp_{i≠y}(s_i) − logsumexp(s)}), so {@code q^γ = e^{γ log q}} is exact in the tail
 * and never {@code 0^γ} with a NaN derivative for {@code γ < 1}. PyTorch has no softmax focal loss; {@code mean}
 * divides by the number of examples. Labels only. Expected output unit: none (softmax fused). Finite for
 * every finite score; no kinks for γ ≥ 0.
 */
public final class SoftmaxFocal implements Loss {

  /**
   * Options of {@code focal}.
   *
   * @param gamma the focusing exponent γ, finite and ≥ 0 (default 2)
   * @param alpha the scale α, finite and ≥ 0 (default 1)
   */
  public record Options(double gamma, double alpha) {
    /** Validates γ and α. */
    public Options {
      LossOptions.nonNegative("gamma", gamma);
      LossOptions.nonNegative("alpha", alpha);
    }
  }

  private final double gamma;
  private final double alpha;

  /** Focal loss with the given options. */
  public SoftmaxFocal(Options options) {
    this.gamma = options.gamma();
    this.alpha = options.alpha();
  }

  /** Focal loss with γ = 2, α = 1. */
  public SoftmaxFocal() {
    this(new Options(2.0, 1.0));
  }

  @Override
  public String name() {
    return "focal";
  }

  @Override
  public void validate(Target target, int n, int k) {
    if (!target.hasLabels()) {
      throw new IllegalArgumentException("focal needs labels (class indices), not a dense target");
    }
    Targets.requireLabelsInRange(target, n, k, false, 0);
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    int y = t.label(row);
    int m = SoftmaxParts.exponentials(s, so, k, g, go);
    double max = s[so + m];
    double rest = SoftmaxParts.rest(g, go, k, m);
    double logSum = Math.log1p(rest);
    double inv = 1.0 / (1.0 + rest);
    double logP = (s[so + y] - max) - logSum;
    // log q = log(1 − p_y) from log p_y (accurate on both sides of p_y = ½); only when every other
    // class underflows next to y is the tail taken from their own log-sum-exp
    double logQ = y == m && rest < Double.MIN_NORMAL
        ? (logOthers(s, so, k, y) - max) - logSum
        : Stable.log1mExp(logP);
    double q = Math.exp(logQ);
    double py = Math.exp(logP);
    double qGamma = gamma == 0 ? 1.0 : Math.exp(gamma * logQ);
    double ratio = q == 0 ? -1.0 : logP / q;
    double c = gamma == 0 ? 1.0 : qGamma * (1 - gamma * py * ratio);
    double ac = alpha * c;
    for (int j = 0; j < k; j++) {
      g[go + j] = ac * g[go + j] * inv;
    }
    g[go + y] = -ac * q;
    return -alpha * qGamma * logP;
  }

  /** {@code log Σ_{i≠y} e^{s_i}}, max-shifted over the others; {@code −∞} when there are none. */
  private static double logOthers(double[] s, int so, int k, int y) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      if (i != y && s[so + i] > max) {
        max = s[so + i];
      }
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (int i = 0; i < k; i++) {
      if (i != y) {
        sum += Math.exp(s[so + i] - max);
      }
    }
    return max + Math.log(sum);
  }

  @Override
  public String toString() {
    return name();
  }
}
