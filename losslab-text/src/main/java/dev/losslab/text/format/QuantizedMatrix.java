package dev.losslab.text.format;

import java.util.Objects;

/**
 * A product-quantized matrix as a fastText {@code .ftz} stores it (quantmatrix.cc {@code save} /
 * {@code load}):
 *
 * <pre>
 * uint8  qnorm
 * int64  m, int64 n                       rows × cols
 * int32  codesize = m · nsubq
 * uint8  codes[codesize]                  row i's codes at [i·nsubq, (i+1)·nsubq)
 * {@link Codebook} of dim n
 * if qnorm: uint8 normCodes[m], {@link Codebook} of dim 1 (256 norms)
 * </pre>
 *
 * <p>Row {@code i} stands for {@code norm_i · (c_{i,0}, …, c_{i,nsubq−1})}: the centroids its codes name,
 * concatenated, scaled by its quantized norm ({@code 1} without {@code qnorm}). The two operations
 * prediction needs are computed in fastText's order and precision, so a quantized model scores here as
 * in fastText: {@link #addRow} ({@code x += a·norm·row}, productquantizer.cc {@code addcode}) and
 * {@link #dotRow} ({@code (Σ x·c)·norm}, {@code mulcode}).
 *
 * <p>The record keeps the arrays it is given (not copied). Immutable as long as nobody changes them, so
 * it can be read from many threads at once.
 *
 * @param qnorm whether each row has a quantized norm
 * @param rows number of rows
 * @param cols number of columns
 * @param codes {@code rows × codebook.nsubq()} code bytes, row-major
 * @param codebook the centroids of the sub-vectors, of dim {@code cols}
 * @param normCodes one norm code per row with {@code qnorm}; empty without
 * @param normCodebook the 256 norms (dim 1, dsub 1) with {@code qnorm}; null without
 */
public record QuantizedMatrix(boolean qnorm, int rows, int cols, byte[] codes, Codebook codebook,
    byte[] normCodes, Codebook normCodebook) implements StoredMatrix {

  /**
   * @throws IllegalArgumentException if the parts do not fit together: codes for every row, a codebook
   *     of dim {@code cols}, and with {@code qnorm} a norm code per row and a codebook of dim 1
   */
  public QuantizedMatrix {
    Objects.requireNonNull(codes, "codes");
    Objects.requireNonNull(codebook, "codebook");
    Objects.requireNonNull(normCodes, "normCodes");
    if (rows < 0 || cols < 1 || codebook.dim() != cols) {
      throw new IllegalArgumentException("quantized matrix of " + rows + " × " + cols
          + " with a codebook of dim " + codebook.dim());
    }
    if ((long) rows * codebook.nsubq() != codes.length) {
      throw new IllegalArgumentException("quantized matrix of " + rows + " rows × " + codebook.nsubq()
          + " sub-vectors needs " + (long) rows * codebook.nsubq() + " codes, got " + codes.length);
    }
    if (qnorm) {
      Objects.requireNonNull(normCodebook, "normCodebook");
      if (normCodes.length != rows || normCodebook.dim() != 1) {
        throw new IllegalArgumentException("qnorm needs " + rows + " norm codes and a codebook of"
            + " dim 1, got " + normCodes.length + " and dim " + normCodebook.dim());
      }
    } else if (normCodes.length != 0 || normCodebook != null) {
      throw new IllegalArgumentException("norm codes without qnorm");
    }
  }

  /** Sub-vectors per row ({@code nsubq}): the code bytes of a row. */
  public int codesPerRow() {
    return codebook.nsubq();
  }

  /** The quantized norm of row {@code i}: its norm centroid with {@code qnorm}, 1 without. */
  public float norm(int i) {
    return qnorm ? normCodebook.centroids()[normCodes[i] & 0xFF] : 1f;
  }

  /** {@code x += norm_i · row_i} (fastText's {@code addRowToVector(x, i)}). */
  public void addRow(float[] x, int i) {
    add(x, i, norm(i));
  }

  /** {@code x += (a · norm_i) · row_i} (fastText's {@code addRowToVector(x, i, a)}). */
  public void addRow(float[] x, int i, float a) {
    add(x, i, a * norm(i));
  }

  private void add(float[] x, int i, float alpha) {
    Codebook pq = codebook;
    float[] c = pq.centroids();
    int nsubq = pq.nsubq();
    int dsub = pq.dsub();
    int at = i * nsubq;
    for (int m = 0; m < nsubq; m++) {
      int o = pq.offset(m, codes[at + m] & 0xFF);
      int d = pq.width(m);
      int xo = m * dsub;
      for (int j = 0; j < d; j++) {
        x[xo + j] += alpha * c[o + j];
      }
    }
  }

  /** {@code (Σ_j x_j · row_i[j]) · norm_i}, summed in float in column order (fastText's {@code dotRow}). */
  public float dotRow(float[] x, int i) {
    Codebook pq = codebook;
    float[] c = pq.centroids();
    int nsubq = pq.nsubq();
    int dsub = pq.dsub();
    int at = i * nsubq;
    float res = 0f;
    for (int m = 0; m < nsubq; m++) {
      int o = pq.offset(m, codes[at + m] & 0xFF);
      int d = pq.width(m);
      int xo = m * dsub;
      for (int j = 0; j < d; j++) {
        res += x[xo + j] * c[o + j];
      }
    }
    return res * norm(i);
  }

  /** Writes the values row {@code i} stands for into {@code out[0 .. cols)}. */
  public void row(int i, float[] out) {
    java.util.Arrays.fill(out, 0, cols, 0f);
    addRow(out, i);
  }

  /** Bytes this matrix takes in a model file. */
  public long fileBytes() {
    long pq = 16 + 4L * codebook.centroids().length;
    return 1 + 16 + 4 + codes.length + pq + (qnorm ? rows + 16 + 4L * Codebook.CENTROIDS : 0);
  }

  /** The shape only, not the values. */
  @Override
  public String toString() {
    return "QuantizedMatrix[" + rows + " × " + cols + ", " + codebook + (qnorm ? ", qnorm" : "") + "]";
  }
}
