package dev.losslab.text;

/** The few float-vector kernels of the model, written so the JIT can vectorize or pipeline them. */
final class Vectors {
  private Vectors() {}

  /** {@code Σ a[ao+i]·b[bo+i]} for i &lt; n, with eight partial sums (the JIT does not vectorize float sums). */
  static float dot(float[] a, int ao, float[] b, int bo, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float s4 = 0;
    float s5 = 0;
    float s6 = 0;
    float s7 = 0;
    int i = 0;
    for (; i + 7 < n; i += 8) {
      s0 += a[ao + i] * b[bo + i];
      s1 += a[ao + i + 1] * b[bo + i + 1];
      s2 += a[ao + i + 2] * b[bo + i + 2];
      s3 += a[ao + i + 3] * b[bo + i + 3];
      s4 += a[ao + i + 4] * b[bo + i + 4];
      s5 += a[ao + i + 5] * b[bo + i + 5];
      s6 += a[ao + i + 6] * b[bo + i + 6];
      s7 += a[ao + i + 7] * b[bo + i + 7];
    }
    for (; i < n; i++) {
      s0 += a[ao + i] * b[bo + i];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /**
   * {@code out[j] = B_j · h} for the first {@code k} output rows of {@code m}, four rows at a time (one
   * row at a time from the codes when {@code B} is quantized).
   */
  static void scores(Model m, float[] h, int k, float[] out) {
    dev.losslab.text.format.QuantizedMatrix q = m.quantizedOutput();
    if (q != null) {
      for (int j = 0; j < k; j++) {
        out[j] = q.dotRow(h, j);
      }
      return;
    }
    int dim = m.dim();
    int j = 0;
    for (; j + 3 < k; j += 4) {
      dot4(m.outputRow(j), m.outputRow(j + 1), m.outputRow(j + 2), m.outputRow(j + 3), h, dim, out, j);
    }
    for (; j < k; j++) {
      out[j] = dot(m.outputRow(j), 0, h, 0, dim);
    }
  }

  /**
   * {@code out[oo + r] = a_r · h} for the four rows {@code a_0..a_3} (each read from index 0, length
   * {@code n}): every {@code h[i]} is loaded once for the four rows, and two partial sums per row keep
   * eight independent add chains. One row at a time the loop is bound by its two loads per
   * multiply-add; four at a time it needs 1.25.
   */
  static void dot4(float[] a0, float[] a1, float[] a2, float[] a3, float[] h, int n, float[] out,
      int oo) {
    float s0 = 0;
    float t0 = 0;
    float s1 = 0;
    float t1 = 0;
    float s2 = 0;
    float t2 = 0;
    float s3 = 0;
    float t3 = 0;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      float h0 = h[i];
      float h1 = h[i + 1];
      s0 += a0[i] * h0;
      t0 += a0[i + 1] * h1;
      s1 += a1[i] * h0;
      t1 += a1[i + 1] * h1;
      s2 += a2[i] * h0;
      t2 += a2[i + 1] * h1;
      s3 += a3[i] * h0;
      t3 += a3[i + 1] * h1;
    }
    if (i < n) {
      float hi = h[i];
      s0 += a0[i] * hi;
      s1 += a1[i] * hi;
      s2 += a2[i] * hi;
      s3 += a3[i] * hi;
    }
    out[oo] = s0 + t0;
    out[oo + 1] = s1 + t1;
    out[oo + 2] = s2 + t2;
    out[oo + 3] = s3 + t3;
  }

  /**
   * The step on output row {@code r} for score gradient {@code -alpha/lr}: first {@code grad += alpha·B_r}
   * with the row before its change, then {@code B_r += alpha·h} (fastText model.cc / loss.cc order).
   */
  static void step(float[] row, float[] hidden, float[] grad, float alpha, int dim) {
    for (int i = 0; i < dim; i++) {
      float b = row[i];
      grad[i] += alpha * b;
      row[i] = b + alpha * hidden[i];
    }
  }

  /** {@code y[yo..yo+n) += x[0..n)}. */
  static void add(float[] y, int yo, float[] x, int n) {
    for (int i = 0; i < n; i++) {
      y[yo + i] += x[i];
    }
  }

  /** {@code y[0..n) += x[xo..xo+n)}. */
  static void addFrom(float[] y, float[] x, int xo, int n) {
    for (int i = 0; i < n; i++) {
      y[i] += x[xo + i];
    }
  }

  static void scale(float[] y, float a, int n) {
    for (int i = 0; i < n; i++) {
      y[i] *= a;
    }
  }

  static void zero(float[] y, int n) {
    java.util.Arrays.fill(y, 0, n, 0f);
  }
}
