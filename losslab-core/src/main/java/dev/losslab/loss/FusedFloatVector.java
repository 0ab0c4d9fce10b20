package dev.losslab.loss;

import dev.losslab.math.FastFloat;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused float loops of {@link FusedFloat} for cross-entropy with a label and softmax-mse, written
 * with the Vector API ({@code jdk.incubator.vector}), which JDK 17 offers as an incubator module. Used
 * only when that module is enabled ({@code --add-modules jdk.incubator.vector}); {@link FloatKernels}
 * decides, and this class is not loaded otherwise.
 *
 * <p>What C2's auto-vectoriser cannot do and these loops do: widen float scores to double lanes and
 * narrow the gradient back in the same loop as the arithmetic, take the row's maximum eight floats at a
 * time, keep reductions ({@code Σ e}, {@code Σ d²}, {@code Σ e·d}) in vector accumulators, and use
 * fused multiply-adds. The arithmetic is the scalar loops': the same exponential
 * {@code (T₆(x/1024))^1024} (with FMA in the polynomial, so rounding is at most the scalar kernel's),
 * the same formulas and the same double accumulation, so the accuracy contract of {@link FusedFloat}
 * holds unchanged. Sums are added in a different order (lanes, then the tail), so results can differ
 * from the scalar loops in the last bits; a run is still deterministic on a given machine.
 *
 * <p>Lanes: {@link DoubleVector#SPECIES_PREFERRED} (four doubles with AVX2, eight with AVX-512), and a
 * float species of half its width, so one float load widens into one double vector. The row's
 * remainder past the last whole vector goes through the scalar kernels of {@link FastFloat}.
 */
final class FusedFloatVector {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> F =
      VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
  private static final VectorSpecies<Float> FMAX = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = D.length();
  private static final DoubleVector ONE = DoubleVector.broadcast(D, 1.0);
  private static final DoubleVector HALF = DoubleVector.broadcast(D, 0.5);
  private static final DoubleVector C6 = DoubleVector.broadcast(D, 1.0 / 6);
  private static final DoubleVector C24 = DoubleVector.broadcast(D, 1.0 / 24);

  private FusedFloatVector() {}

  /** Number of double lanes; at least two, or {@link FloatKernels} does not use this class. */
  static int lanes() {
    return LANES;
  }

  /** Bits per double vector. */
  static int bits() {
    return D.vectorBitSize();
  }

  /** As {@link FusedFloat#crossEntropy}; {@code e} needs length ≥ k. */
  static double crossEntropy(float[] s, int so, int k, int y, int ignoreIndex, float[] g, int go,
      double[] e, float scale) {
    if (y == ignoreIndex) {
      java.util.Arrays.fill(g, go, go + k, 0f);
      return 0.0;
    }
    float max = max(s, so, k);
    double sum = expShifted(s, so, k, max, e);
    double gy = (e[y] - sum) / sum;
    scaled(e, k, scale / sum, g, go);
    g[go + y] = (float) (scale * gy);
    return Math.log(sum) - ((double) s[so + y] - max);
  }

  /**
   * As {@link FusedFloat#softmaxSquared}: the exponentials in {@code p[0, k)} and {@code p − y} in
   * {@code p[k, 2k)}, so {@code p} needs length ≥ 2k.
   */
  static double softmaxSquared(float[] s, int so, int k, double[] y, int yo, int label, float[] g,
      int go, double[] p, float scale) {
    float max = max(s, so, k);
    double inv = 1.0 / expShifted(s, so, k, max, p);
    double twoScale = 2.0 * scale;
    if (y != null) {
      double dot = differences(p, k, inv, y, yo) * inv;
      return centred(p, k, twoScale * inv, dot, g, go);
    }
    // one-hot: the label's term apart, as in the scalar loop; its exponential is set aside while the
    // others' squares are summed
    boolean hasLabel = label >= 0 && label < k;
    double el = hasLabel ? p[label] : 0;
    if (hasLabel) {
      p[label] = 0;
    }
    double off = squares(p, k) * inv * inv;
    if (hasLabel) {
      p[label] = el;
    }
    double pl = el * inv;
    double dl = pl - 1;
    double value = off + (hasLabel ? dl * dl : 0);
    double dot = off + (hasLabel ? pl * dl : 0);
    centredOneHot(p, k, twoScale * inv, inv, dot, g, go);
    if (hasLabel) {
      g[go + label] = (float) (twoScale * pl * (dl - dot));
    }
    return value;
  }

  // Each loop below is a method of its own that takes and returns no vectors. C2 (JDK 17) stops inlining
  // when a method grows past its node budget, and a Vector API call left out of line boxes its vectors
  // (an allocation per lane group: measured 16 bytes per element when softmaxSquared held all its loops).

  /** {@code g[go + j] ← (float) (e[j]·c)}. */
  private static void scaled(double[] e, int k, double c, float[] g, int go) {
    int bound = D.loopBound(k);
    int i = 0;
    for (; i < bound; i += LANES) {
      DoubleVector v = DoubleVector.fromArray(D, e, i).mul(c);
      ((FloatVector) v.convertShape(VectorOperators.D2F, F, 0)).intoArray(g, go + i);
    }
    for (; i < k; i++) {
      g[go + i] = (float) (e[i] * c);
    }
  }

  /** {@code d_j = e_j·inv − y_j} into {@code p[k + j]}; returns {@code Σ e_j·d_j}. */
  private static double differences(double[] p, int k, double inv, double[] y, int yo) {
    int bound = D.loopBound(k);
    DoubleVector acc = DoubleVector.zero(D);
    int i = 0;
    for (; i < bound; i += LANES) {
      DoubleVector e = DoubleVector.fromArray(D, p, i);
      DoubleVector d = e.mul(inv).sub(DoubleVector.fromArray(D, y, yo + i));
      d.intoArray(p, k + i);
      acc = e.fma(d, acc);
    }
    double sum = acc.reduceLanes(VectorOperators.ADD);
    for (; i < k; i++) {
      double d = p[i] * inv - y[yo + i];
      p[k + i] = d;
      sum += p[i] * d;
    }
    return sum;
  }

  /** {@code Σ e_j²} over {@code p[0, k)}. */
  private static double squares(double[] p, int k) {
    int bound = D.loopBound(k);
    DoubleVector acc = DoubleVector.zero(D);
    int i = 0;
    for (; i < bound; i += LANES) {
      DoubleVector e = DoubleVector.fromArray(D, p, i);
      acc = e.fma(e, acc);
    }
    double sum = acc.reduceLanes(VectorOperators.ADD);
    for (; i < k; i++) {
      sum += p[i] * p[i];
    }
    return sum;
  }

  /**
   * {@code g[go + j] ← (float) (c·e_j·(d_j − dot))}, {@code e} in {@code p[0, k)} and {@code d} in
   * {@code p[k, 2k)}; returns {@code Σ d²} (the value, summed here rather than in a pass of its own).
   */
  private static double centred(double[] p, int k, double c, double dot, float[] g, int go) {
    int bound = D.loopBound(k);
    DoubleVector acc = DoubleVector.zero(D);
    int i = 0;
    for (; i < bound; i += LANES) {
      DoubleVector d = DoubleVector.fromArray(D, p, k + i);
      DoubleVector v = DoubleVector.fromArray(D, p, i).mul(c).mul(d.sub(dot));
      ((FloatVector) v.convertShape(VectorOperators.D2F, F, 0)).intoArray(g, go + i);
      acc = d.fma(d, acc);
    }
    double sum = acc.reduceLanes(VectorOperators.ADD);
    for (; i < k; i++) {
      double d = p[k + i];
      g[go + i] = (float) (c * p[i] * (d - dot));
      sum += d * d;
    }
    return sum;
  }

  /** {@code g[go + j] ← (float) (c·e_j·(e_j·inv − dot))}. */
  private static void centredOneHot(double[] p, int k, double c, double inv, double dot, float[] g,
      int go) {
    int bound = D.loopBound(k);
    int i = 0;
    for (; i < bound; i += LANES) {
      DoubleVector e = DoubleVector.fromArray(D, p, i);
      DoubleVector v = e.mul(c).mul(e.mul(inv).sub(dot));
      ((FloatVector) v.convertShape(VectorOperators.D2F, F, 0)).intoArray(g, go + i);
    }
    for (; i < k; i++) {
      g[go + i] = (float) (c * p[i] * (p[i] * inv - dot));
    }
  }

  /**
   * The largest of {@code s[so, so + k)}; {@code k ≥ 1}. A NaN score makes it NaN (lane-wise max), and
   * so every exponential of the row: the same NaN result the scalar loop reaches through the NaN's own
   * exponential.
   */
  private static float max(float[] s, int so, int k) {
    int bound = FMAX.loopBound(k);
    float max = s[so];
    int i = 0;
    if (bound > 0) {
      FloatVector m = FloatVector.fromArray(FMAX, s, so);
      for (i = FMAX.length(); i < bound; i += FMAX.length()) {
        m = m.max(FloatVector.fromArray(FMAX, s, so + i));
      }
      max = m.reduceLanes(VectorOperators.MAX);
    }
    for (; i < k; i++) {
      max = Math.max(max, s[so + i]);
    }
    return max;
  }

  /** {@code e[j] ← e^{s[so + j] − shift}} for {@code j < k}; returns their sum. */
  private static double expShifted(float[] s, int so, int k, float shift, double[] e) {
    int bound = D.loopBound(k);
    DoubleVector sum = DoubleVector.zero(D);
    int i = 0;
    for (; i < bound; i += LANES) {
      DoubleVector x = (DoubleVector) FloatVector.fromArray(F, s, so + i)
          .convertShape(VectorOperators.F2D, D, 0);
      // FastFloat.expNonPositive's (T₆(t))^1024, t = max(x − shift, −104)/1024, with FMA
      DoubleVector t = x.sub(shift).max(-104.0).mul(1.0 / 1024);
      DoubleVector v = t.fma(1.0 / 720, 1.0 / 120);
      v = v.fma(t, C24);
      v = v.fma(t, C6);
      v = v.fma(t, HALF);
      v = v.fma(t, ONE);
      v = v.fma(t, ONE);
      v = v.mul(v); // ^2
      v = v.mul(v);
      v = v.mul(v);
      v = v.mul(v);
      v = v.mul(v); // ^32
      v = v.mul(v);
      v = v.mul(v);
      v = v.mul(v);
      v = v.mul(v);
      v = v.mul(v); // ^1024
      v.intoArray(e, i);
      sum = sum.add(v);
    }
    double total = sum.reduceLanes(VectorOperators.ADD);
    for (int j = i; j < k; j++) {
      e[j] = s[so + j];
    }
    FastFloat.expNonPositive(e, i, k, shift);
    for (int j = i; j < k; j++) {
      total += e[j];
    }
    return total;
  }
}
