package dev.losslab.loss;

/**
 * {@code gce}: generalized cross-entropy (Zhang &amp; Sabuncu 2018, the {@code L_q} loss)
 * {@code L = (1 − p_y^q)/q}, {@code p = softmax(s)}, {@code q ∈ (0, 1]}. It tends to cross-entropy
 * {@code −log p_y} as {@code q → 0} and is {@code 1 − p_y} (MAE on the softmax, up to a factor 2) at
 * {@code q = 1}; in between it bounds the pull of a confidently wrong, possibly mislabelled, example.
 *
 * <p>Gradient: {@code ∂L/∂s = p_y^q·(p − e_y)} (from {@code ∂p_y/∂s_j = p_y(δ_jy − p_j)}), so a label
 * the model gives up on ({@code p_y → 0}) stops pulling, unlike cross-entropy's {@code p − e_y}.
 *
 * <p>Computed in log space: {@code log p_y = s_y − max − log1p(rest)} from the max-shifted exponentials,
 * {@code p_y^q = e^{q·log p_y}} and the value {@code −expm1(q·log p_y)/q}, so a confident correct example
 * keeps its value ≈ {@code 1 − p_y} (≈ {@code e^{−40}} at a margin of 40) and a hopeless one its finite
 * value {@code 1/q}; {@code p_y − 1} in the gradient is minus the sum of the other probabilities. Finite
 * for every finite score, smooth (no kinks). Labels only; {@code mean} divides by the number of examples.
 * Expected output unit: none (softmax fused).
 */
public final class GeneralizedCrossEntropy implements Loss {

  /**
   * Options of {@code gce}.
   *
   * @param q the exponent, in (0, 1] (default 0.7, the paper's choice)
   */
  public record Options(double q) {
    /** Validates q. */
    public Options {
      if (!(q > 0 && q <= 1)) {
        throw new IllegalArgumentException("q (" + q + ") must be in (0, 1]");
      }
    }
  }

  private final double q;

  /** Generalized cross-entropy with the given q. */
  public GeneralizedCrossEntropy(Options options) {
    this.q = options.q();
  }

  /** Generalized cross-entropy with q = 0.7. */
  public GeneralizedCrossEntropy() {
    this(new Options(0.7));
  }

  @Override
  public String name() {
    return "gce";
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
    double pq = Math.exp(q * logP); // p_y^q
    for (int j = 0; j < k; j++) {
      g[go + j] = pq * g[go + j] * inv;
    }
    g[go + y] = -pq * others;
    return -Math.expm1(q * logP) / q;
  }

  @Override
  public String toString() {
    return name();
  }
}
