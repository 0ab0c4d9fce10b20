package dev.losslab.loss;

/**
 * {@code taylor-ce}: Taylor cross-entropy (Feng et al. 2020), the first {@code t} terms of the series
 * {@code −log p_y = Σ_{i≥1} (1 − p_y)^i / i}: {@code L = Σ_{i=1..t} (1 − p_y)^i / i},
 * {@code p = softmax(s)}. Order 1 is {@code 1 − p_y} (bounded, robust to wrong labels), and the loss
 * tends to cross-entropy as {@code t → ∞}.
 *
 * <p>Gradient: with {@code q = 1 − p_y} and {@code ∂q/∂s = p_y·(p − e_y)},
 * {@code ∂L/∂s = c·(p − e_y)} with {@code c = p_y·Σ_{i=0..t−1} q^i} (which is {@code 1 − q^t}, and 1
 * for cross-entropy).
 *
 * <p>{@code q} is the sum of the other probabilities (exact for a confident correct example), the value
 * and {@code Σ q^i} are evaluated by Horner's rule on terms in [0, 1], and {@code c} as {@code p_y} times
 * that sum, which keeps its precision where {@code 1 − q^t} would round to 0 (a hopeless example,
 * {@code c ≈ t·p_y}). Costs {@code O(K + t)} per example. Finite for every finite score (the value is at
 * most {@code Σ_{i≤t} 1/i}), smooth. Labels only; {@code mean} divides by the number of examples.
 * Expected output unit: none (softmax fused).
 */
public final class TaylorCrossEntropy implements Loss {

  /**
   * Options of {@code taylor-ce}.
   *
   * @param order the number of terms t, an integer ≥ 1 (default 2)
   */
  public record Options(int order) {
    /** Validates the order. */
    public Options {
      if (order < 1) {
        throw new IllegalArgumentException("order (" + order + ") must be an integer >= 1");
      }
    }
  }

  private final int order;

  /** Taylor cross-entropy of the given order. */
  public TaylorCrossEntropy(Options options) {
    this.order = options.order();
  }

  /** Taylor cross-entropy of order 2. */
  public TaylorCrossEntropy() {
    this(new Options(2));
  }

  @Override
  public String name() {
    return "taylor-ce";
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
    double q = SoftmaxParts.others(g, go, k, y) * inv; // 1 − p_y
    double py = g[go + y] * inv;
    // value q·(1 + q·(1/2 + q·(1/3 + …))) and powers Σ_{i<t} q^i = 1 + q·(1 + q·(…))
    double value = 0;
    double powers = 0;
    for (int i = order; i >= 1; i--) {
      value = q * (1.0 / i + value);
      powers = 1 + q * powers;
    }
    double c = py * powers;
    for (int j = 0; j < k; j++) {
      g[go + j] = c * g[go + j] * inv;
    }
    g[go + y] = -c * q;
    return value;
  }

  @Override
  public String toString() {
    return name();
  }
}
