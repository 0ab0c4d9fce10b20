package dev.losslab.loss;

/**
 * {@code sce}: symmetric cross-entropy (Wang et al. 2019)
 * {@code L = α·(−log p_y) + β·A·(1 − p_y)}, {@code p = softmax(s)}: cross-entropy plus the reverse
 * cross-entropy {@code −Σ_k p_k log y_k} of the one-hot label, whose {@code log 0} the paper's code clamps
 * to {@code log 1e−4}, so that it is {@code A·(1 − p_y)} with {@link #A} {@code = −ln 1e−4 = 9.2103…}
 * (the clamp is a constant here, not a clipping of the probabilities: value and gradient stay exact).
 *
 * <p>Gradient: {@code ∂L/∂s = c·(p − e_y)} with {@code c = α + β·A·p_y}: the reverse term adds a pull that
 * fades with {@code p_y} where cross-entropy's stays, so a mislabelled example pulls less.
 *
 * <p>{@code log p_y} comes from the max-shifted log-sum-exp and {@code 1 − p_y} (in the value and as
 * {@code p_y − 1} in the gradient) is the sum of the other probabilities, exact for a confident correct
 * example. Finite for every finite score, smooth. Labels only; {@code mean} divides by the number of
 * examples. Expected output unit: none (softmax fused).
 */
public final class SymmetricCrossEntropy implements Loss {
  /**
   * {@code A = −ln 1e−4}: the reverse cross-entropy of a one-hot label per unit of {@code 1 − p_y}, with
   * its {@code log 0} clamped to {@code log 1e−4} as in the code of Wang et al. and of Ma et al.
   */
  public static final double A = -Math.log(1e-4);

  /**
   * Options of {@code sce}.
   *
   * @param alpha the weight α of cross-entropy, finite and ≥ 0 (default 0.1, the paper's CIFAR-10 value)
   * @param beta the weight β of the reverse cross-entropy, finite and ≥ 0 (default 1)
   */
  public record Options(double alpha, double beta) {
    /** Validates α and β. */
    public Options {
      LossOptions.nonNegative("alpha", alpha);
      LossOptions.nonNegative("beta", beta);
    }
  }

  private final double alpha;
  private final double beta;

  /** Symmetric cross-entropy with the given options. */
  public SymmetricCrossEntropy(Options options) {
    this.alpha = options.alpha();
    this.beta = options.beta();
  }

  /** Symmetric cross-entropy with α = 0.1, β = 1. */
  public SymmetricCrossEntropy() {
    this(new Options(0.1, 1.0));
  }

  @Override
  public String name() {
    return "sce";
  }

  @Override
  public void validate(Target target, int n, int k) {
    Targets.requireLabels(name(), target, n, k);
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    int y = t.label(row);
    int m = SoftmaxParts.exponentials(s, so, k, g, go);
    double rest = SoftmaxParts.rest(g, go, k, m);
    double inv = 1.0 / (1.0 + rest);
    double logP = (s[so + y] - s[so + m]) - Math.log1p(rest);
    double others = SoftmaxParts.others(g, go, k, y) * inv; // 1 − p_y
    double c = alpha + beta * A * g[go + y] * inv;
    for (int j = 0; j < k; j++) {
      g[go + j] = c * g[go + j] * inv;
    }
    g[go + y] = -c * others;
    return -alpha * logP + beta * A * others;
  }

  @Override
  public String toString() {
    return name();
  }
}
