package dev.losslab.loss;

/**
 * The value and gradient of a loss on a batch, under one reduction.
 *
 * @param value the reduced value ({@code NaN}-free for finite inputs; {@code +∞} only where the true
 *     value overflows); for {@link Reduction#NONE} the sum of {@link #values()}
 * @param values the unreduced values for {@link Reduction#NONE} (one per example, or {@code n × k}
 *     for element-wise losses), otherwise {@code null}
 * @param gradient ∂value/∂scores, row-major {@code n × k}; for {@code NONE} the gradient of the sum
 * @param rows number of examples
 * @param columns number of scores per example
 * @param reduction the reduction that was applied
 */
public record LossResult(
    double value, double[] values, double[] gradient, int rows, int columns, Reduction reduction) {

  /** Gradient entry of example {@code i}, score {@code j}. */
  public double gradient(int i, int j) {
    return gradient[i * columns + j];
  }
}
