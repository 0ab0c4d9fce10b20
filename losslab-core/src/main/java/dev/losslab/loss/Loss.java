package dev.losslab.loss;

/**
 * A loss on the scores {@code s} of one example: it returns the value to minimise and writes
 * ∂value/∂s, computed in one pass. This is the one interface to implement for a user-defined loss: a
 * name and one {@code evaluate}, and defaults saying how targets are validated and values reduced.
 * Batches, reductions, the float path and the gradient checker are built on it; the float path
 * widens a user loss's float rows to double and calls this {@code evaluate} (the built-ins with fused
 * float loops also implement {@link dev.losslab.loss.kernel.FloatLoss}, which a user loss need not).
 *
 * <p>Contract (checked for every built-in loss by the gradient checker):
 *
 * <ul>
 *   <li>the gradient written is the exact derivative of the value returned;
 *   <li>the loss never changes {@code s} or the target, and overwrites {@code g[go .. go+k)};
 *   <li>implementations are immutable and thread-safe.
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
}
