package dev.losslab.loss;

/**
 * {@code poly1}: the Poly-1 loss (Leng et al. 2022; optax {@code poly_loss_cross_entropy})
 * {@code L = CE(t, p) + ε·Σ_k t_k (1 − p_k)}, {@code p = softmax(s)}: cross-entropy plus ε times the
 * first term of its Taylor series in {@code 1 − p_t}. For a label {@code y} (one-hot {@code t}) it is
 * {@code −log p_y + ε·(1 − p_y)}; for a distribution {@code t}, {@code −Σ t_k log p_k + ε·(1 − ⟨t, p⟩)}.
 * ε = 0 is cross-entropy; ε may be negative (the paper uses −1 for detection).
 *
 * <p>Gradient, with {@code T = Σ_k t_k} (1 within the validation's tolerance):
 * {@code ∂L/∂s_j = T·p_j − t_j + ε·p_j·(⟨t, p⟩ − t_j)}; for a label
 * {@code ∂L/∂s = (1 + ε·p_y)·(p − e_y)}.
 *
 * <p>{@code log p} comes from the max-shifted log-sum-exp; each {@code 1 − p_k} is the sum of the other
 * probabilities ({@code rest/(1 + rest)} for the maximal class), so a confident correct example keeps its
 * tiny value. {@code ⟨t, p⟩ − t_j} is taken as {@code (T − t_j) − Σ_k t_k(1 − p_k)} where {@code t_j}
 * holds most of the target's mass and as {@code ⟨t, p⟩ − t_j} elsewhere, whichever has no cancellation.
 * Finite for every finite score, smooth. Targets: labels or probability rows (as cross-entropy's);
 * {@code mean} divides by the number of examples. Expected output unit: none (softmax fused).
 */
public final class PolyOneCrossEntropy implements Loss {

  /**
   * Options of {@code poly1}.
   *
   * @param epsilon the weight ε of {@code 1 − p_t}, any finite real (default 2, optax's and the paper's
   *     ImageNet value)
   */
  public record Options(double epsilon) {
    /** Validates ε. */
    public Options {
      if (!Double.isFinite(epsilon)) {
        throw new IllegalArgumentException("epsilon (" + epsilon + ") must be finite");
      }
    }
  }

  private final double epsilon;

  /** Poly-1 with the given ε. */
  public PolyOneCrossEntropy(Options options) {
    this.epsilon = options.epsilon();
  }

  /** Poly-1 with ε = 2. */
  public PolyOneCrossEntropy() {
    this(new Options(2.0));
  }

  @Override
  public String name() {
    return "poly1";
  }

  @Override
  public void validate(Target target, int n, int k) {
    if (target.hasLabels()) {
      Targets.requireLabelsInRange(target, n, k, false, 0);
    } else {
      Targets.requireShape(target, n, k);
      Targets.requireDistributions(target, n, k);
    }
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    int m = SoftmaxParts.exponentials(s, so, k, g, go);
    double max = s[so + m];
    double rest = SoftmaxParts.rest(g, go, k, m);
    double logSum = Math.log1p(rest);
    double inv = 1.0 / (1.0 + rest);
    if (t.hasLabels()) {
      int y = t.label(row);
      double others = SoftmaxParts.others(g, go, k, y) * inv; // 1 − p_y
      double c = 1 + epsilon * g[go + y] * inv;
      for (int j = 0; j < k; j++) {
        g[go + j] = c * g[go + j] * inv;
      }
      g[go + y] = -c * others;
      return (logSum - (s[so + y] - max)) + epsilon * others;
    }
    double[] v = t.values();
    int to = t.offset(row);
    double mass = 0; // T
    double ce = 0;
    double missed = 0; // Σ t_k (1 − p_k)
    double hit = 0; // ⟨t, p⟩
    for (int j = 0; j < k; j++) {
      double tj = v[to + j];
      if (tj != 0) {
        double oneMinusP = (j == m ? rest : (1 + rest) - g[go + j]) * inv;
        mass += tj;
        ce += tj * (logSum - (s[so + j] - max));
        missed += tj * oneMinusP;
        hit += tj * (g[go + j] * inv);
      }
    }
    for (int j = 0; j < k; j++) {
      double tj = v[to + j];
      double pj = g[go + j] * inv;
      double gap = tj > 0.5 * mass ? (mass - tj) - missed : hit - tj; // ⟨t, p⟩ − t_j
      g[go + j] = mass * pj - tj + epsilon * pj * gap;
    }
    return ce + epsilon * missed;
  }

  @Override
  public String toString() {
    return name();
  }
}
