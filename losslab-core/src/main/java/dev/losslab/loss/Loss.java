package dev.losslab.loss;

import dev.losslab.loss.kernel.FloatKernels;
import dev.losslab.loss.kernel.FusedFloat;

/**
 * A loss on the scores {@code s} of one example: it returns the value to minimise and writes
 * ∂value/∂s, computed in one pass. This is the one interface to implement for a user-defined loss;
 * batches, reductions, the float path and the gradient checker are built on it.
 *
 * <p>Contract (checked for every built-in loss by the gradient checker):
 *
 * <ul>
 *   <li>the gradient written is the exact derivative of the value returned;
 *   <li>the loss never changes {@code s} or the target, and overwrites {@code g[go .. go+k)};
 *   <li>implementations are immutable and thread-safe; scratch comes from the caller (the fused float
 *       loops of the four benchmarked losses add per-thread rows of their own: C2 vectorises a loop only
 *       over separate arrays indexed from 0, which one caller scratch array cannot give).
 * </ul>
 */
public interface Loss {

  /** The loss's registry name, e.g. {@code cross-entropy}. */
  String name();

  /**
   * Value of the loss for example {@code row} and its gradient.
   *
   * @param s scores, read at {@code s[so .. so+k)}
   * @param so offset of the example's scores
   * @param k number of scores (classes or outputs)
   * @param target the batch's targets
   * @param row which example of {@code target}
   * @param g receives ∂value/∂s at {@code g[go .. go+k)}
   * @param go offset of the gradient
   * @return the example's value; for {@link #elementwise()} losses the sum over its elements
   */
  double evaluate(double[] s, int so, int k, Target target, int row, double[] g, int go);

  /**
   * Checks that {@code target} suits this loss for a batch of {@code n} examples with {@code k}
   * scores each (shape, label range, probabilities where probabilities are required).
   *
   * @throws IllegalArgumentException naming the argument, the example and the value at fault
   */
  default void validate(Target target, int n, int k) {
    Targets.requireShape(target, n, k);
  }

  /**
   * Whether reduction {@code none} reports one value per element ({@code n × k}, as PyTorch's
   * element-wise losses do) rather than one per example.
   */
  default boolean elementwise() {
    return false;
  }

  /**
   * The weight of example {@code row} in the denominator of the {@code mean} reduction: 1 by default,
   * {@code k} for element-wise losses, the target's class weight for weighted classification losses,
   * 0 for an ignored example.
   */
  default double meanWeight(Target target, int row, int k) {
    return elementwise() ? k : 1.0;
  }

  /**
   * For element-wise losses: writes the value of each element of example {@code row} into
   * {@code out[oo .. oo+k)} (their sum is what {@link #evaluate} returns).
   *
   * @throws UnsupportedOperationException if this loss is not element-wise
   */
  default void elementValues(double[] s, int so, int k, Target target, int row, double[] out, int oo) {
    throw new UnsupportedOperationException(name() + " is not element-wise");
  }

  /**
   * The float path: the same loss on float scores, written to a float gradient. The default widens
   * the row into {@code scratch} (length ≥ 2k), evaluates in double and narrows the gradient; fast
   * losses override it with a fused float loop that stays within 1e-5 relative of the double path
   * (cross-entropy and softmax-mse in Vector API loops when {@code jdk.incubator.vector} is enabled; see
   * {@link FloatKernels}).
   */
  default double evaluate(float[] s, int so, int k, Target target, int row, float[] g, int go,
      double[] scratch) {
    return FusedFloat.throughDouble(this, s, so, k, target, row, g, go, scratch, 1f);
  }
  /**
   * The float path with the reduction's scale folded in: writes {@code scale · ∂value/∂s} to
   * {@code g[go .. go+k)} and returns the unscaled value. {@link LossEvaluation} calls this with
   * {@code 1/Σ mean weights} for {@code MEAN}, so a fused loss writes the final gradient in the same pass
   * instead of a second pass over the whole batch. The default evaluates, then scales the row.
   */
  default double evaluate(float[] s, int so, int k, Target target, int row, float[] g, int go,
      double[] scratch, float scale) {
    double v = evaluate(s, so, k, target, row, g, go, scratch);
    if (scale != 1f) {
      for (int j = 0; j < k; j++) {
        g[go + j] *= scale;
      }
    }
    return v;
  }
}
