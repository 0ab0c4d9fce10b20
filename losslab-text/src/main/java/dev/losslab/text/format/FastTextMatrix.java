package dev.losslab.text.format;

import java.util.Objects;

/**
 * A dense fastText matrix as stored in the model file: {@code int64 m, int64 n}, then {@code m × n}
 * little-endian {@code float32} values, row-major (fastText v0.9.2 {@code densematrix.cc}
 * {@code save} / {@code load}). Row {@code i} is {@code data[i*cols .. (i+1)*cols)}.
 *
 * <p>The record wraps the array it is given <b>without copying</b> (a model matrix can be hundreds of
 * megabytes): whoever builds one hands the array over and must not change it afterwards, and
 * {@link #data()} returns the same array, not a copy. A Java array holds at most 2<sup>31</sup>−1
 * values, which bounds {@code rows × cols}.
 *
 * @param rows number of rows ({@code m})
 * @param cols number of columns ({@code n}, the model's {@code dim})
 * @param data the values, row-major, length {@code rows × cols}
 */
public record FastTextMatrix(int rows, int cols, float[] data) implements StoredMatrix {

  /**
   * @throws IllegalArgumentException if a dimension is negative or {@code data.length != rows × cols}
   */
  public FastTextMatrix {
    Objects.requireNonNull(data, "data");
    if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
      throw new IllegalArgumentException(
          "matrix has " + data.length + " values, expected rows (" + rows + ") × cols (" + cols + ")");
    }
  }

  /** A {@code rows × cols} matrix of zeros. */
  public static FastTextMatrix zeros(int rows, int cols) {
    if (rows < 0 || cols < 0 || (long) rows * cols > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "matrix rows (" + rows + ") × cols (" + cols + ") must be >= 0 and fit in one Java array");
    }
    return new FastTextMatrix(rows, cols, new float[rows * cols]);
  }

  /** The value at {@code (row, col)}. */
  public float get(int row, int col) {
    Objects.checkIndex(row, rows);
    Objects.checkIndex(col, cols);
    return data[row * cols + col];
  }

  /**
   * The shape only, not the values. Note that {@code equals} compares the arrays by reference, as
   * records do.
   */
  @Override
  public String toString() {
    return "FastTextMatrix[" + rows + " × " + cols + "]";
  }
}
