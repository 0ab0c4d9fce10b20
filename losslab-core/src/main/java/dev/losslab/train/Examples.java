package dev.losslab.train;

import dev.losslab.loss.Target;
import java.util.Objects;

/**
 * Training or test examples for a network: {@code rows × columns} float features, row-major, and one
 * {@link Target} per row (class labels, or a dense {@code rows × k} matrix of probabilities or
 * real-valued targets). The arrays are wrapped, not copied, and never changed.
 *
 * @param features row-major features, {@code features[r·columns + c]}
 * @param rows number of examples
 * @param columns number of features per example
 * @param target the targets, {@code rows} of them
 */
public record Examples(float[] features, int rows, int columns, Target target) {

  /** Checks shapes: {@code features.length == rows·columns} and the target has {@code rows} rows. */
  public Examples {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(target, "target");
    if (rows < 0 || columns < 1 || (long) rows * columns != features.length) {
      throw new IllegalArgumentException(
          "features have " + features.length + " values, expected rows (" + rows + ") × columns ("
              + columns + ")");
    }
    if (target.rows() != rows) {
      throw new IllegalArgumentException(
          "target has " + target.rows() + " rows but features have " + rows);
    }
  }

  /** Examples with class labels. */
  public static Examples labelled(float[] features, int rows, int columns, int[] labels) {
    return new Examples(features, rows, columns, Target.labels(labels));
  }

  /** Examples with dense targets, {@code rows × k}. */
  public static Examples dense(float[] features, int rows, int columns, double[] targets, int k) {
    return new Examples(features, rows, columns, Target.dense(rows, k, targets));
  }
}
