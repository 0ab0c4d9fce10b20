package dev.losslab.loss;

/**
 * {@code nce-rce} and {@code nce-mae}: the active-passive losses of Ma et al. 2020, normalized
 * cross-entropy plus a passive term, {@code L = α·NCE + β·P} with {@code p = softmax(s)} and
 *
 * <ul>
 *   <li>{@code NCE = log p_y / Σ_k log p_k} (cross-entropy divided by its sum over every possible label,
 *       in [0, 1]);
 *   <li>{@code P = A·(1 − p_y)} for {@code nce-rce} (reverse cross-entropy with {@code log 0} clamped to
 *       {@code log 1e−4}, {@link SymmetricCrossEntropy#A}), or {@code P = 1 − p_y} for {@code nce-mae}
 *       (the MAE of the paper's code, which is half of {@code ‖p − e_y‖₁}).
 * </ul>
 *
 * <p>Gradient, with {@code u_k = −log p_k}, {@code a = u_y}, {@code b = Σ_k u_k} (so {@code NCE = a/b}),
 * {@code ∂a/∂s_j = p_j − δ_jy} and {@code ∂b/∂s_j = K·p_j − 1}:
 * {@code ∂NCE/∂s_j = [(p_j − δ_jy)·b − a·(K·p_j − 1)]/b²}, and {@code ∂P/∂s = c·p_y·(p − e_y)} with
 * {@code c = A} or 1. The quotient rule's numerator cancels badly where one class takes nearly all the
 * probability (it is a difference of two terms near {@code b}); with {@code u_k − u_y = s_y − s_k} it is
 * rewritten as {@code −[(1 − p_y)·Σ_{k≠y} u_k + (K − 1)·p_y·a]} for {@code j = y}, a sum of terms ≥ 0,
 * and {@code a·(1 − p_j) + p_j·u_j + p_j·Σ_{k∉{j,y}} (s_y − s_k)} for {@code j ≠ y}, exact for two
 * classes and cancelling otherwise only between the scores of other classes.
 *
 * <p>Every {@code u_k = log1p(rest) − (s_k − max)} is a sum of two terms ≥ 0 from the max-shifted
 * log-sum-exp, so {@code b} has no cancellation and is at least {@code log 2} for {@code K ≥ 2} (the
 * division never blows up); {@code 1 − p_y} and {@code 1 − p_j} are sums of the other probabilities (or
 * {@code 1 − p_j} with {@code p_j ≤ ½}). With one class
 * ({@code K = 1}) {@code p_y = 1} and {@code Σ_k log p_k = log p_y = 0}: NCE is {@code 0/0} there and is
 * taken as 0, its limit for a certain correct prediction, so the loss is 0 with gradient 0, as
 * cross-entropy's is. Finite for every finite score, smooth. Labels only; {@code mean} divides by the
 * number of examples. Expected output unit: none (softmax fused).
 */
public final class NormalizedCrossEntropy implements Loss {

  /** The passive term added to NCE. */
  public enum Passive {
    /** Reverse cross-entropy {@code A·(1 − p_y)}: {@code nce-rce}. */
    RCE,
    /** Mean absolute error as in the paper's code, {@code 1 − p_y}: {@code nce-mae}. */
    MAE
  }

  /**
   * Options of {@code nce-rce} and {@code nce-mae}.
   *
   * @param alpha the weight α of NCE, finite and ≥ 0 (default 1)
   * @param beta the weight β of the passive term, finite and ≥ 0 (default 1)
   */
  public record Options(double alpha, double beta) {
    /** Validates α and β. */
    public Options {
      LossOptions.nonNegative("alpha", alpha);
      LossOptions.nonNegative("beta", beta);
    }
  }

  private final Passive passive;
  private final double alpha;
  private final double beta;

  /** NCE plus the given passive term. */
  public NormalizedCrossEntropy(Passive passive, Options options) {
    this.passive = java.util.Objects.requireNonNull(passive, "passive");
    this.alpha = options.alpha();
    this.beta = options.beta();
  }

  @Override
  public String name() {
    return passive == Passive.RCE ? "nce-rce" : "nce-mae";
  }

  @Override
  public void validate(Target target, int n, int k) {
    Targets.requireLabels(name(), target, n, k);
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    if (k == 1) {
      g[go] = 0.0;
      return 0.0;
    }
    int y = t.label(row);
    int m = SoftmaxParts.exponentials(s, so, k, g, go);
    double max = s[so + m];
    double rest = SoftmaxParts.rest(g, go, k, m);
    double logSum = Math.log1p(rest);
    double inv = 1.0 / (1.0 + rest);
    double sy = s[so + y];
    double a = logSum - (sy - max); // u_y = −log p_y
    double b = a; // Σ_k u_k
    double othersU = 0; // Σ_{k≠y} u_k
    double spread = 0; // Σ_{k≠y} (u_k − u_y) = Σ_{k≠y} (s_y − s_k)
    for (int j = 0; j < k; j++) {
      if (j != y) {
        double u = logSum - (s[so + j] - max);
        b += u;
        othersU += u;
        spread += sy - s[so + j];
      }
    }
    double nce = a / b;
    double py = g[go + y] * inv;
    double qy = SoftmaxParts.others(g, go, k, y) * inv; // 1 − p_y
    double c = beta * (passive == Passive.RCE ? SymmetricCrossEntropy.A : 1.0);
    double scale = alpha / (b * b);
    for (int j = 0; j < k; j++) {
      if (j == y) {
        continue;
      }
      double pj = g[go + j] * inv;
      double qj = (j == m ? rest : (1 + rest) - g[go + j]) * inv; // 1 − p_j
      double uj = logSum - (s[so + j] - max);
      double others = spread - (sy - s[so + j]); // Σ_{k∉{j,y}} (s_y − s_k)
      g[go + j] = scale * (a * qj + pj * uj + pj * others) + c * py * pj;
    }
    g[go + y] = -scale * (qy * othersU + (k - 1) * py * a) - c * py * qy;
    return alpha * nce + c * qy;
  }

  @Override
  public String toString() {
    return name();
  }
}
