package dev.losslab.loss.kernel;

import dev.losslab.loss.Loss;
import dev.losslab.loss.Target;
import dev.losslab.math.FastFloat;

/**
 * The fused float loops of the four benchmarked losses used to train (cross-entropy with labels and
 * optional label smoothing, binary-cross-entropy, mse, softmax-mse): one example, primitive arrays, no
 * allocation, as few passes over the row as the formula allows, writing the gradient already
 * multiplied by the reduction's {@code scale}. Exponentials and {@code log1p} come from the vectorisable double kernels of
 * {@link FastFloat} (≤ 2.5e-8 and 2e-10 relative), evaluated on whole rows in double arrays; sums are
 * accumulated in double; each loop is tested to stay within 1e-5 (relative to the row's largest gradient
 * entry) of the double path, also at scores of ±1e4.
 *
 * <p>Cross-entropy and softmax-mse have a second version in {@link FusedFloatVector}, written with the
 * Vector API; {@link FloatKernels} says which one runs.
 *
 * <p>Public only so that the built-in losses of {@code dev.losslab.loss} can call their loops from
 * their {@link FloatLoss#evaluate}; the loops check nothing (the callers validate), and they are not
 * an API of their own.
 */
public final class FusedFloat {
  /**
   * Whether cross-entropy and softmax-mse run {@link FusedFloatVector}'s loops (see
   * {@link FloatKernels}); a constant, so C2 drops the other branch.
   */
  private static final boolean VECTOR = FloatKernels.vectorized();

  private FusedFloat() {}

  /**
   * Per-thread double rows beside the caller's scratch. C2 (JDK 17) vectorises a loop only when every
   * array it touches is indexed with the same offset ({@code a[j]}, {@code b[j]}; not {@code a[j]} with
   * {@code a[k + j]} or {@code y[yo + j]}) and no loop mixing float and double arrays: so the loops
   * below widen and narrow in loops of their own and keep their arithmetic on separate arrays indexed
   * from 0. Grown on demand, never shrunk; one lookup per row.
   */
  static final class Rows {
    private static final ThreadLocal<Rows> ROWS = ThreadLocal.withInitial(Rows::new);
    double[] a = new double[0];
    double[] b = a;
    double[] c = a;
    /** A float row, for the Vector API loops ({@link #floats}). */
    float[] f = new float[0];
    /** More results of a Vector API loop that returns one. */
    final double[] out = new double[3];

    /** This thread's rows with {@link #f} of length ≥ k; the double rows are left as they are. */
    static Rows floats(int k) {
      Rows rows = ROWS.get();
      if (rows.f.length < k) {
        rows.f = new float[k];
      }
      return rows;
    }

    static Rows of(int k) {
      Rows rows = ROWS.get();
      if (rows.a.length < k) {
        rows.a = new double[k];
        rows.b = new double[k];
        rows.c = new double[k];
      }
      return rows;
    }

    /** A row of at least k ones, for a weight that is not given. */
    double[] ones(int k) {
      if (ones.length < k) {
        ones = new double[k];
        java.util.Arrays.fill(ones, 1.0);
      }
      return ones;
    }

    private double[] ones = new double[0];
  }

  /**
   * Cross-entropy with a label and label smoothing {@code ε} (0 for none): the target is
   * {@code t = (1 − ε)e_y + ε/k}, the value {@code log Σ e^{s−max} − (1 − ε)(s_y − max) − (ε/k)Σ(s_j −
   * max)} and the gradient {@code p − t}. The exponentials live in the double {@code e} (length ≥ k),
   * where {@link FastFloat#expNonPositive(double[], int, int)} computes them in one vectorised loop.
   * With smoothing, NaN when the row is too close to a stationary point for these loops (see
   * {@link #SMOOTHING_TOLERANCE}): the caller then takes the double path.
   */
  public static double crossEntropy(float[] s, int so, int k, int y, int ignoreIndex, double smoothing,
      float[] g, int go, double[] e, float scale) {
    return VECTOR
        ? FusedFloatVector.crossEntropy(s, so, k, y, ignoreIndex, smoothing, g, go, scale)
        : crossEntropyScalar(s, so, k, y, ignoreIndex, smoothing, g, go, e, scale);
  }

  /** {@link #crossEntropy} in the scalar loops, whatever {@link FloatKernels} chose. */
  static double crossEntropyScalar(float[] s, int so, int k, int y, int ignoreIndex,
      double smoothing, float[] g, int go, double[] e, float scale) {
    if (y == ignoreIndex) {
      java.util.Arrays.fill(g, go, go + k, 0f);
      return 0.0;
    }
    float max = FastFloat.widen(s, so, k, e);
    double scoreSum = smoothing == 0 ? 0 : FastFloat.sum(e, 0, k);
    FastFloat.expNonPositive(e, 0, k, max);
    double sum = FastFloat.sum(e, 0, k);
    // p_y − 1 = (e_y − Σ)/Σ: for the maximal class e_y = 1 exactly and Σ − 1 is the sum of the others,
    // so a confident example keeps the relative precision of its small gradient
    double gy = (e[y] - sum) / sum;
    double inv = scale / sum;
    if (smoothing == 0) {
      for (int j = 0; j < k; j++) {
        g[go + j] = (float) (e[j] * inv);
      }
      g[go + y] = (float) (scale * gy);
      return Math.log(sum) - ((double) s[so + y] - max);
    }
    double floor = scale * smoothing / k;
    for (int j = 0; j < k; j++) {
      g[go + j] = (float) (e[j] * inv - floor);
    }
    float vy = (float) (scale * smoothedLabelGradient(gy, smoothing, k));
    g[go + y] = vy;
    // p_j − ε/k cancels near a stationary point; the exponentials above −20 are good to 1e-12
    // relative, and those below add at most e^{−20}·2.5e-8 of the largest probability, 1/Σ
    if (!smoothedRowHolds(g, go, k, vy, 1e-12 * inv)) {
      return Double.NaN;
    }
    return smoothedValue(Math.log(sum), (double) s[so + y] - max, scoreSum - (double) k * max,
        smoothing, k);
  }

  /**
   * With label smoothing the gradient {@code p − t} can be far smaller than {@code p}: when the bound
   * on every entry's error, from the exponentials, exceeds this fraction of the row's largest entry,
   * the fused loops return NaN and the caller recomputes the row on the double path.
   */
  static final double SMOOTHING_TOLERANCE = 8e-6;

  /**
   * Whether a smoothed cross-entropy row's gradient {@code g[go, go + k)}, whose label entry is
   * {@code labelEntry}, is large enough against {@code error}, a bound on each entry's error (see
   * {@link #SMOOTHING_TOLERANCE}). Most rows pass on the label's entry alone; the others are read
   * once more for their largest entry.
   */
  static boolean smoothedRowHolds(float[] g, int go, int k, float labelEntry, double error) {
    double needed = error / SMOOTHING_TOLERANCE;
    if (Math.abs(labelEntry) >= needed) {
      return true;
    }
    float largest = 0f;
    for (int j = go; j < go + k; j++) {
      largest = Math.max(largest, Math.abs(g[j]));
    }
    return largest >= needed;
  }

  /** {@code p_y − t_y = (p_y − 1) + ε(1 − 1/k)}, from the precise {@code p_y − 1}. */
  static double smoothedLabelGradient(double labelGap, double smoothing, int k) {
    return labelGap + smoothing * (1 - 1.0 / k);
  }

  /**
   * Cross-entropy's value {@code log Σ − (1 − ε)x_y − (ε/k)Σx} from {@code log Σ}, the label's
   * {@code x_y = s_y − max} and {@code Σx}.
   */
  static double smoothedValue(double logSum, double labelX, double xSum, double smoothing, int k) {
    return logSum - (1 - smoothing) * labelX - smoothing / k * xSum;
  }

  /**
   * The float path through the double one, for a loss or option without a fused loop: widens the row
   * into {@code scratch[0, k)}, evaluates {@code loss} in double with its gradient in
   * {@code scratch[k, 2k)}, and narrows {@code scale} times that gradient into {@code g}, one rounding
   * per entry. The float path of every loss that is not a {@link FloatLoss} ({@link FloatLoss#of}).
   */
  public static double throughDouble(Loss loss, float[] s, int so, int k, Target t, int row, float[] g,
      int go, double[] scratch, float scale) {
    for (int j = 0; j < k; j++) {
      scratch[j] = s[so + j];
    }
    double v = loss.evaluate(scratch, 0, k, t, row, scratch, k);
    for (int j = 0; j < k; j++) {
      g[go + j] = (float) (scale * scratch[k + j]);
    }
    return v;
  }

  /** Squared error {@code Σ(s − y)²}, gradient {@code 2(s − y)}; {@code label ≥ 0} for one-hot. */
  public static double squaredError(float[] s, int so, int k, double[] y, int yo, int label, float[] g, int go,
      float scale) {
    float twoScale = 2f * scale;
    double sum = 0;
    if (y == null) {
      for (int j = 0; j < k; j++) {
        float d = j == label ? s[so + j] - 1f : s[so + j];
        sum += (double) d * d;
        g[go + j] = twoScale * d;
      }
    } else {
      for (int j = 0; j < k; j++) {
        double d = s[so + j] - y[yo + j];
        sum += d * d;
        g[go + j] = (float) (twoScale * d);
      }
    }
    return sum;
  }

  /**
   * Binary cross-entropy from logits, unweighted: {@code Σ softplus(s) − y·s}, gradient
   * {@code σ(s) − y}, formed as {@code (1 − y)σ(s) − yσ(−s)} so that nothing cancels when
   * {@code y = 1} and {@code σ(s) ≈ 1}. With {@code e = e^{−|s|}} (vectorised):
   * {@code softplus(s) = max(s, 0) + log(1 + e)}, {@code σ(s) = a/(1 + e)} and {@code σ(−s) = b/(1 + e)}
   * where {@code (a, b) = (1, e)} for {@code s ≥ 0} and {@code (e, 1)} otherwise. The sign is taken
   * without a branch, {@code h = min(max(s·1e300, 0), 1)} (0 or 1 for every float score, and at
   * {@code s = 0} both choices give 1), so the loops have no branch and C2 vectorises them; {@code e} lives in
   * the caller's scratch, the scores, targets, per-element values and gradient in {@link Rows}. {@code label ≥ 0} for one-hot.
   */
  public static double binaryCrossEntropy(float[] s, int so, int k, double[] y, int yo, int label, float[] g,
      int go, double[] e, float scale) {
    return VECTOR
        ? FusedFloatVector.binaryCrossEntropy(s, so, k, y, yo, label, g, go, e, scale)
        : binaryCrossEntropyScalar(s, so, k, y, yo, label, g, go, e, scale);
  }

  /** {@link #binaryCrossEntropy} in the scalar loops, whatever {@link FloatKernels} chose. */
  static double binaryCrossEntropyScalar(float[] s, int so, int k, double[] y, int yo, int label,
      float[] g, int go, double[] e, float scale) {
    Rows rows = Rows.of(k);
    double[] x = rows.a;
    double[] t = rows.b;
    double[] grad = rows.c;
    widenWithExpNegAbs(s, so, k, x, e);
    double gl = 0;
    double vl = 0;
    boolean hasLabel = y == null && label >= 0 && label < k;
    if (y != null) {
      System.arraycopy(y, yo, t, 0, k);
      for (int j = 0; j < k; j++) {
        double h = Math.min(Math.max(x[j] * 1e300, 0.0), 1.0);
        double r = 1 - e[j];
        grad[j] = ((1 - t[j]) * (e[j] + r * h) - t[j] * (e[j] + r * (1 - h))) * (scale / (1 + e[j]));
      }
      for (int j = 0; j < k; j++) {
        x[j] = Math.max(x[j], 0.0) - t[j] * x[j];
      }
    } else {
      if (hasLabel) {
        // t = 1 at the label: gradient −σ(−s), value softplus(s) − s = softplus(−s)
        double xl = x[label];
        double el = e[label];
        gl = -(xl >= 0 ? el : 1.0) * (scale / (1 + el));
        vl = Math.max(-xl, 0.0) + FastFloat.log1pUnit(el);
      }
      for (int j = 0; j < k; j++) {
        double h = Math.min(Math.max(x[j] * 1e300, 0.0), 1.0);
        grad[j] = (e[j] + (1 - e[j]) * h) * (scale / (1 + e[j]));
      }
      for (int j = 0; j < k; j++) {
        x[j] = Math.max(x[j], 0.0);
      }
    }
    for (int j = 0; j < k; j++) {
      x[j] += FastFloat.log1pUnit(e[j]);
    }
    if (hasLabel) {
      x[label] = vl;
      grad[label] = gl;
    }
    for (int j = 0; j < k; j++) {
      g[go + j] = (float) grad[j];
    }
    return FastFloat.sum(x, 0, k);
  }

  /**
   * The start of both binary-cross-entropy loops: {@code x ← s[so, so + k)} widened and
   * {@code e ← e^{−|x|}}, each in a loop that C2 vectorises (the widening one excepted, JDK 17).
   */
  private static void widenWithExpNegAbs(float[] s, int so, int k, double[] x, double[] e) {
    for (int j = 0; j < k; j++) {
      x[j] = s[so + j];
    }
    for (int j = 0; j < k; j++) {
      e[j] = -Math.abs(x[j]);
    }
    FastFloat.expNonPositive(e, 0, k);
  }

  /**
   * Binary cross-entropy with per-class {@code weight} {@code w} and {@code posWeight} {@code q}
   * (either may be null): value {@code Σ w[(1 − y)softplus(s) + q·y·softplus(−s)]}, gradient
   * {@code w[(1 − y)σ(s) − q·y·σ(−s)]}, PyTorch's {@code BCEWithLogitsLoss}. The loops of
   * {@link #binaryCrossEntropyScalar} with the weights multiplied in; the Vector API loops have no
   * weighted form, so this runs either way.
   */
  public static double binaryCrossEntropyWeighted(float[] s, int so, int k, double[] y, int yo, int label,
      double[] weight, double[] posWeight, float[] g, int go, double[] e, float scale) {
    Rows rows = Rows.of(k);
    double[] x = rows.a;
    double[] t = rows.b;
    double[] grad = rows.c;
    double[] w = weight != null ? weight : rows.ones(k);
    double[] q = posWeight != null ? posWeight : rows.ones(k);
    widenWithExpNegAbs(s, so, k, x, e);
    if (y != null) {
      System.arraycopy(y, yo, t, 0, k);
    } else {
      java.util.Arrays.fill(t, 0, k, 0.0);
      if (label >= 0 && label < k) {
        t[label] = 1;
      }
    }
    // σ(s) = a/(1 + e), σ(−s) = b/(1 + e): (a, b) = (1, e) for s ≥ 0 and (e, 1) below, h the sign
    for (int j = 0; j < k; j++) {
      double h = Math.min(Math.max(x[j] * 1e300, 0.0), 1.0);
      double r = 1 - e[j];
      grad[j] = w[j] * ((1 - t[j]) * (e[j] + r * h) - q[j] * t[j] * (e[j] + r * (1 - h)))
          * (scale / (1 + e[j]));
    }
    // softplus(±s) = max(±s, 0) + log(1 + e)
    for (int j = 0; j < k; j++) {
      double softplus = FastFloat.log1pUnit(e[j]);
      x[j] = w[j] * ((1 - t[j]) * (Math.max(x[j], 0.0) + softplus)
          + q[j] * t[j] * (Math.max(-x[j], 0.0) + softplus));
    }
    for (int j = 0; j < k; j++) {
      g[go + j] = (float) grad[j];
    }
    return FastFloat.sum(x, 0, k);
  }

  /**
   * Squared error on the softmax {@code Σ(p − y)²}, gradient {@code p ⊙ (u − ⟨p, u⟩)} with
   * {@code u = 2(p − y)}; {@code label ≥ 0} for one-hot. The exponentials (p before the division by
   * their sum) live in the double {@code scratch} (length ≥ k; {@code p − y} and the gradient in a row
   * of {@link Rows}), computed by the vectorised
   * {@link FastFloat#expNonPositive(double[], int, int)}: {@code u − ⟨p, u⟩} cancels when the softmax
   * saturates, and float probabilities would leave only ~1e-8 absolute precision there.
   */
  public static double softmaxSquared(float[] s, int so, int k, double[] y, int yo, int label, float[] g,
      int go, double[] p, float scale) {
    return VECTOR
        ? FusedFloatVector.softmaxSquared(s, so, k, y, yo, label, g, go, p, scale)
        : softmaxSquaredScalar(s, so, k, y, yo, label, g, go, p, scale);
  }

  /** {@link #softmaxSquared} in the scalar loops, whatever {@link FloatKernels} chose. */
  static double softmaxSquaredScalar(float[] s, int so, int k, double[] y, int yo, int label,
      float[] g, int go, double[] p, float scale) {
    float max = FastFloat.widen(s, so, k, p);
    FastFloat.expNonPositive(p, 0, k, max);
    // p = e·inv is never stored: inv goes into the loops below, one pass fewer over the row
    double inv = 1.0 / FastFloat.sum(p, 0, k);
    double twoScale = 2.0 * scale;
    Rows rows = Rows.of(k);
    double[] d = rows.a;
    double value;
    double dot;
    if (y != null) {
      // value = Σ d², dot = Σ p·d, four chains each; this loop is scalar anyway (reductions, and y
      // indexed from yo), so d = p − y is formed here rather than in a pass of its own
      double v0 = 0;
      double v1 = 0;
      double v2 = 0;
      double v3 = 0;
      double q0 = 0;
      double q1 = 0;
      double q2 = 0;
      double q3 = 0;
      int i = 0;
      for (; i + 3 < k; i += 4) {
        double d0 = p[i] * inv - y[yo + i];
        double d1 = p[i + 1] * inv - y[yo + i + 1];
        double d2 = p[i + 2] * inv - y[yo + i + 2];
        double d3 = p[i + 3] * inv - y[yo + i + 3];
        d[i] = d0;
        d[i + 1] = d1;
        d[i + 2] = d2;
        d[i + 3] = d3;
        v0 += d0 * d0;
        q0 += p[i] * d0;
        v1 += d1 * d1;
        q1 += p[i + 1] * d1;
        v2 += d2 * d2;
        q2 += p[i + 2] * d2;
        v3 += d3 * d3;
        q3 += p[i + 3] * d3;
      }
      for (; i < k; i++) {
        double di = p[i] * inv - y[yo + i];
        d[i] = di;
        v0 += di * di;
        q0 += p[i] * di;
      }
      value = (v0 + v1) + (v2 + v3);
      dot = ((q0 + q1) + (q2 + q3)) * inv;
      double c = twoScale * inv;
      for (int j = 0; j < k; j++) {
        d[j] = c * p[j] * (d[j] - dot);
      }
    } else {
      // one-hot: the terms off the label are p_j² in both sums; the label's term is added apart so that
      // a confident example does not lose its small value to cancellation
      boolean hasLabel = label >= 0 && label < k;
      int cut = hasLabel ? label : k;
      double off = (FastFloat.dot(p, 0, p, 0, cut) + (hasLabel ? FastFloat.dot(p, cut + 1, p, cut + 1,
          k - cut - 1) : 0)) * inv * inv;
      double pl = hasLabel ? p[label] * inv : 0;
      double dl = pl - 1;
      value = off + (hasLabel ? dl * dl : 0);
      dot = off + (hasLabel ? pl * dl : 0);
      double c = twoScale * inv;
      for (int j = 0; j < k; j++) {
        d[j] = c * p[j] * (p[j] * inv - dot);
      }
      if (hasLabel) {
        d[label] = twoScale * pl * (dl - dot);
      }
    }
    for (int j = 0; j < k; j++) {
      g[go + j] = (float) d[j];
    }
    return value;
  }
}
