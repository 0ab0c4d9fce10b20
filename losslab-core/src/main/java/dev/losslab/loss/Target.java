package dev.losslab.loss;

import java.util.Objects;

/**
 * The targets of a batch: either one class index per example ({@link #labels(int...)}) or a dense
 * row-major {@code n × k} matrix ({@link #dense(int, int, double[])}) of probabilities, soft labels or
 * real-valued targets, depending on the loss.
 *
 * <p>A target wraps the array it is given without copying it, so a trainer can reuse one target object
 * and refill its array per example; it never changes the array itself.
 */
public final class Target {
  private final int[] labels;
  private final double[] values;
  private final int rows;
  private final int columns;

  private Target(int[] labels, double[] values, int rows, int columns) {
    this.labels = labels;
    this.values = values;
    this.rows = rows;
    this.columns = columns;
  }

  /** Class-index targets, one per example. */
  public static Target labels(int... labels) {
    Objects.requireNonNull(labels, "labels");
    return new Target(labels, null, labels.length, -1);
  }

  /**
   * Dense targets, row-major: the target of example {@code i}, class {@code j} is
   * {@code values[i * columns + j]}.
   *
   * @throws IllegalArgumentException if {@code values.length != rows * columns}
   */
  public static Target dense(int rows, int columns, double[] values) {
    Objects.requireNonNull(values, "values");
    if (rows < 0 || columns < 0 || (long) rows * columns != values.length) {
      throw new IllegalArgumentException(
          "target has " + values.length + " values, expected rows (" + rows + ") × columns ("
              + columns + ")");
    }
    return new Target(null, values, rows, columns);
  }

  /** Dense targets from rows of equal length (copied). */
  public static Target dense(double[][] rows) {
    Objects.requireNonNull(rows, "rows");
    int k = rows.length == 0 ? 0 : rows[0].length;
    double[] flat = new double[rows.length * k];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != k) {
        throw new IllegalArgumentException(
            "target row " + i + " has " + rows[i].length + " values, row 0 has " + k);
      }
      System.arraycopy(rows[i], 0, flat, i * k, k);
    }
    return new Target(null, flat, rows.length, k);
  }

  /** Whether the targets are class indices. */
  public boolean hasLabels() {
    return labels != null;
  }

  /** Number of examples. */
  public int rows() {
    return rows;
  }

  /** Number of columns of a dense target; -1 for labels. */
  public int columns() {
    return columns;
  }

  /** The class index of example {@code row}. Only for label targets. */
  public int label(int row) {
    return labels[row];
  }

  /** The backing array of a dense target (not a copy); {@code null} for labels. */
  public double[] values() {
    return values;
  }

  /** The backing array of a label target (not a copy); {@code null} for dense targets. */
  public int[] labelArray() {
    return labels;
  }

  /** Offset of example {@code row} in {@link #values()}. */
  public int offset(int row) {
    return row * columns;
  }

  /** Target value of example {@code row}, column {@code j}; for labels, 1 at the label and 0 elsewhere. */
  public double value(int row, int j) {
    return labels != null ? (labels[row] == j ? 1.0 : 0.0) : values[row * columns + j];
  }
}
