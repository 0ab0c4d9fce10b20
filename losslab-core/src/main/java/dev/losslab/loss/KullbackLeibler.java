package dev.losslab.loss;

/**
 * {@code kl-divergence}: {@code KL(t ‖ softmax(s)) = Σ_j t_j (log t_j − log p_j)} per example, with
 * {@code 0·log 0 = 0} so zeros in the target are allowed; gradient {@code (Σ_j t_j)·p − t}, the same as
 * cross-entropy's (they differ by the target's entropy). The direction is target-to-model, as PyTorch's
 * {@code kl_div(log_softmax(s), t)} computes despite its argument order (pytorch#57459).
 *
 * <p>{@code mean} averages over examples: PyTorch's {@code reduction='batchmean'}, the mathematically
 * right one, not its element-wise {@code 'mean'} (pytorch#6622). With {@code logTarget} the target holds
 * {@code log t} (entries ≤ 0, {@code −∞} for a zero). Targets must be distributions (entries in [0, 1]
 * summing to 1; in log form, {@code Σ e^{log t} = 1}); a label reads as a one-hot row. Expected output
 * unit: none (softmax fused, {@code log p} from the max-shifted log-sum-exp). Finite for finite scores.
 */
public final class KullbackLeibler implements Loss {

  /**
   * Options of {@code kl-divergence}.
   *
   * @param logTarget whether the target rows hold log-probabilities
   */
  public record Options(boolean logTarget) {}

  private final boolean logTarget;

  /** KL divergence with the given options. */
  public KullbackLeibler(Options options) {
    this.logTarget = options.logTarget();
  }

  /** KL divergence with probability targets. */
  public KullbackLeibler() {
    this(new Options(false));
  }

  @Override
  public String name() {
    return "kl-divergence";
  }

  @Override
  public void validate(Target target, int n, int k) {
    if (target.hasLabels()) {
      Targets.requireLabelsInRange(target, n, k, false, 0);
      return;
    }
    Targets.requireShape(target, n, k);
    if (!logTarget) {
      Targets.requireDistributions(target, n, k);
      return;
    }
    double[] v = target.values();
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < k; j++) {
        double lt = v[i * k + j];
        if (!(lt <= 0)) {
          throw new IllegalArgumentException("target of example " + i + ", class " + j + " is " + lt
              + ", must be a log-probability (<= 0) with logTarget");
        }
        sum += Math.exp(lt);
      }
      if (Math.abs(sum - 1) > 1e-6 * Math.max(1, k)) {
        throw new IllegalArgumentException("target of example " + i + " has probabilities summing to "
            + sum + ", must sum to 1 (logTarget)");
      }
    }
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    int m = SoftmaxParts.exponentials(s, so, k, g, go);
    double max = s[so + m];
    double rest = SoftmaxParts.rest(g, go, k, m);
    double logSum = Math.log1p(rest);
    double inv = 1.0 / (1.0 + rest);
    double value = 0;
    double mass = 0;
    for (int j = 0; j < k; j++) {
      double tj;
      double logT;
      if (t.hasLabels()) {
        tj = t.label(row) == j ? 1.0 : 0.0;
        logT = 0.0;
      } else if (logTarget) {
        logT = t.values()[t.offset(row) + j];
        tj = Math.exp(logT);
      } else {
        tj = t.values()[t.offset(row) + j];
        logT = tj == 0 ? 0.0 : Math.log(tj);
      }
      if (tj != 0) {
        value += tj * (logT - ((s[so + j] - max) - logSum));
        mass += tj;
      }
    }
    for (int j = 0; j < k; j++) {
      double tj = t.hasLabels() ? (t.label(row) == j ? 1.0 : 0.0)
          : logTarget ? Math.exp(t.values()[t.offset(row) + j]) : t.values()[t.offset(row) + j];
      g[go + j] = mass * g[go + j] * inv - tj;
    }
    return value;
  }

  @Override
  public String toString() {
    return name();
  }
}
