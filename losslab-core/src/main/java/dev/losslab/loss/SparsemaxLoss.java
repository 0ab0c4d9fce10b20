package dev.losslab.loss;

import java.util.Arrays;

/**
 * {@code sparsemax}: the sparsemax loss (Martins &amp; Astudillo 2016; optax
 * {@code multiclass_sparsemax_loss}), the loss whose gradient is {@code sparsemax(s) − e_y}, as
 * cross-entropy's is {@code softmax(s) − e_y}: {@code L = −s_y + ½Σ_{j∈S}(s_j² − τ²) + ½}, where
 * {@code sparsemax(s) = max(s − τ, 0)} is the Euclidean projection of {@code s} onto the probability
 * simplex, {@code τ} its threshold and {@code S = {j : s_j > τ}} its support. With sorted scores
 * {@code s_(1) ≥ s_(2) ≥ …}, {@code |S|} is the largest {@code k} with {@code 1 + k·s_(k) > Σ_{i≤k} s_(i)}
 * and {@code τ = (Σ_{i≤|S|} s_(i) − 1)/|S|}.
 *
 * <p>Computed in the shifted form: with {@code z = s − τ} (so {@code Σ_S z_j = 1}) the value is
 * {@code ½‖z_S‖² − z_y + ½}, which does not depend on a shift of the scores and has no cancellation at
 * scores of 1e4 (its terms are at most 1, except {@code −z_y ≥ 0} for a label outside the support).
 * It is taken as {@code ½(Σ_{S∖y} z_j² + (Σ_{S∖y} z_j)²)} when {@code y ∈ S} (then
 * {@code 1 − z_y = Σ_{S∖y} z_j}) and as {@code ½‖z_S‖² + (τ − s_y) + ½} otherwise: sums of terms ≥ 0,
 * exact where the loss is tiny. The threshold is found on {@code s − max} sorted in the gradient
 * buffer, so nothing is allocated; {@code O(K log K)} per example.
 *
 * <p>The loss is 0 exactly when {@code s_y ≥ 1 + max_{j≠y} s_j} (a margin of 1, like a hinge) and grows
 * linearly, as {@code max_j s_j − s_y}, for a confidently wrong example. It is convex and continuously
 * differentiable: the gradient is continuous and piecewise linear, its slope changing where a score
 * enters or leaves the support ({@code s_j = τ}); there are no kinks. Ties share the support equally
 * ({@code sparsemax = 1/K} on a constant row). Finite for every finite score. Labels only; {@code mean}
 * divides by the number of examples. Expected output unit: sparsemax.
 */
public final class SparsemaxLoss implements Loss {

  @Override
  public String name() {
    return "sparsemax";
  }

  @Override
  public void validate(Target target, int n, int k) {
    Targets.requireLabels(name(), target, n, k);
  }

  /**
   * Writes {@code sparsemax(s[so .. so+k))}, the probabilities this loss belongs to, into
   * {@code out[oo .. oo+k)}, which must not overlap the scores: entries ≥ 0 summing to 1, exactly 0
   * outside the support.
   */
  public static void sparsemax(double[] s, int so, int k, double[] out, int oo) {
    double max = s[so];
    for (int j = 1; j < k; j++) {
      max = Math.max(max, s[so + j]);
    }
    double tau = shiftedThreshold(s, so, k, max, out, oo);
    for (int j = 0; j < k; j++) {
      double z = (s[so + j] - max) - tau;
      out[oo + j] = z > 0 ? z : 0.0;
    }
  }

  /**
   * The sparsemax threshold of {@code s[so .. so+k)} minus their maximum {@code max}, found by sorting
   * {@code s − max} in {@code work[wo .. wo+k)} (overwritten).
   */
  static double shiftedThreshold(double[] s, int so, int k, double max, double[] work, int wo) {
    for (int j = 0; j < k; j++) {
      work[wo + j] = s[so + j] - max;
    }
    Arrays.sort(work, wo, wo + k);
    // the condition 1 + i·z_(i) > Σ_{l≤i} z_(l) holds for i = 1 .. |S| and fails after
    double sum = 0;
    double supportSum = 0;
    int support = 0;
    for (int i = 1; i <= k; i++) {
      double z = work[wo + k - i];
      sum += z;
      if (!(1 + i * z > sum)) {
        break;
      }
      support = i;
      supportSum = sum;
    }
    return (supportSum - 1) / support;
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    int y = t.label(row);
    double max = s[so];
    for (int j = 1; j < k; j++) {
      max = Math.max(max, s[so + j]);
    }
    double tau = shiftedThreshold(s, so, k, max, g, go); // in s − max
    double zy = (s[so + y] - max) - tau;
    double squares = 0;
    double othersSquares = 0;
    double others = 0;
    for (int j = 0; j < k; j++) {
      double z = (s[so + j] - max) - tau;
      double p = z > 0 ? z : 0.0;
      g[go + j] = p;
      squares += p * p;
      if (j != y) {
        othersSquares += p * p;
        others += p;
      }
    }
    g[go + y] -= 1;
    return zy > 0
        ? 0.5 * (othersSquares + others * others)
        : 0.5 * squares - zy + 0.5;
  }

  @Override
  public String toString() {
    return name();
  }
}
