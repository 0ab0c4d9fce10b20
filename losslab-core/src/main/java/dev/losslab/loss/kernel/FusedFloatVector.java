package dev.losslab.loss.kernel;

import dev.losslab.math.FastFloat;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused float loops of {@link FusedFloat} for cross-entropy with a label, binary-cross-entropy
 * (without weights) and softmax-mse, written with the Vector API ({@code jdk.incubator.vector}),
 * which JDK 17 offers as an incubator module. Used only when that module is enabled
 * ({@code --add-modules jdk.incubator.vector}); {@link FloatKernels} decides, and this class is not
 * loaded otherwise.
 *
 * <p>What C2's auto-vectoriser cannot do and these loops do: take the row's maximum and exponentials
 * on full float lanes, narrow double targets inside the arithmetic, keep reductions in vector
 * accumulators, and use fused multiply-adds.
 *
 * <ul>
 *   <li>All three run on float lanes (eight with AVX2), with a float exponential good to a few ulps
 *       and sums blocked into double. Cross-entropy and binary-cross-entropy agree with the scalar
 *       loops to about 1e-7.
 *   <li>The maximal scores of a softmax row are counted apart from the sum of the other exponentials,
 *       so that a confident row's small {@code 1 − p_y} keeps its relative precision.
 *   <li>softmax-mse's gradient {@code p ⊙ (d − ⟨p, d⟩)} can be far smaller than its terms; the loop
 *       sums an error estimate beside it and, where that estimate is too large, computes the row again
 *       with the scalar loop ({@link FusedFloat#softmaxSquaredScalar}), whose exponentials and sums are
 *       double. binary-cross-entropy does the same where soft targets cancel against the sigmoid, and
 *       forms {@code 1 − y} in double; targets of 0 and 1, which need neither, take a shorter loop.
 *   <li>The softmax exponential pass reads the next row of the batch ahead, one element a cache line,
 *       so that memory delivers it while this row computes; softmax-mse gives a dense one-hot row to
 *       its label loop.
 * </ul>
 * A run is deterministic on a given machine.
 *
 * <p>Lanes: {@link FloatVector#SPECIES_PREFERRED}, and {@link DoubleVector#SPECIES_PREFERRED} of half
 * as many lanes to read double targets, two double vectors into one float vector. The row's remainder
 * past the last whole vector goes through scalar code.
 */
final class FusedFloatVector {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = D.length();

  /** Full-width float lanes (eight with AVX2). */
  private static final VectorSpecies<Float> FL = FloatVector.SPECIES_PREFERRED;
  private static final int FLANES = FL.length();
  /** {@code 1.5·2²³}: {@code x + ROUND} rounds {@code x} to an integer held in the low mantissa bits. */
  private static final float ROUND = 12582912f;
  private static final float LOG2E = 1.44269504f;
  /** {@code −ln 2} rounded to float: its error times {@code n ≤ 126} stays below 2.4e-7 absolute. */
  private static final FloatVector MINUS_LN2 = FloatVector.broadcast(FL, -0.693147182f);
  /**
   * Minimax coefficients (relative error 1.05e-7 on {@code |r| ≤ ln 2 / 2}, fitted for this kernel) of
   * {@code e^r ≈ 1 + r + r²(A0 + A1·r + A2·r² + A3·r³)}.
   */
  private static final FloatVector A0 = FloatVector.broadcast(FL, 0.499992311f);
  private static final FloatVector A1 = FloatVector.broadcast(FL, 0.166671142f);
  private static final FloatVector A2 = FloatVector.broadcast(FL, 0.0418901145f);
  private static final FloatVector A3 = FloatVector.broadcast(FL, 0.00831252523f);
  /**
   * Minimax coefficients (relative error 1.6e-7 on {@code w ∈ [0, 1/9]}, fitted for this kernel) of
   * {@code atanh(z)/z ≈ B0 + B1·w + B2·w² + B3·w³}, {@code w = z²}: with {@code z = e/(2 + e)},
   * {@code log(1 + e) = 2z·atanh(z)/z} for {@code e ∈ [0, 1]}.
   */
  private static final FloatVector B0 = FloatVector.broadcast(FL, 0.99999982f);
  private static final FloatVector B1 = FloatVector.broadcast(FL, 0.33338001f);
  private static final FloatVector B2 = FloatVector.broadcast(FL, 0.19794731f);
  private static final FloatVector B3 = FloatVector.broadcast(FL, 0.17113025f);
  private static final FloatVector FONE = FloatVector.broadcast(FL, 1f);
  private static final DoubleVector DONE = DoubleVector.broadcast(D, 1.0);
  /**
   * Narrowing two double vectors into one float vector: the high one's floats land in lanes
   * {@code [0, n)} and this shuffle moves them to {@code [n, 2n)}, where {@link #HIGH_HALF} blends them
   * in. Two instructions; {@code convertShape} with part −1 does the same in about eight (it loads its
   * shuffle and mask from memory): binary-cross-entropy with 0/1 targets ran at 1.53–1.58 ns/element
   * against 1.61–1.71 with it.
   */
  private static final VectorShuffle<Float> UP_HALF = VectorShuffle.fromOp(FL,
      i -> i % (FLANES / 2));
  /** The upper half of the float lanes. */
  private static final VectorMask<Float> HIGH_HALF = VectorMask.fromLong(FL,
      ((1L << FLANES) - 1) & ~((1L << (FLANES / 2)) - 1));
  /** Below this the float exponential is 0 (the true value is under float's smallest normal). */
  private static final float UNDERFLOW = -87.3f;

  /** Float vectors per block of a sum before it is added into a double. */
  private static final int BLOCK = 16;

  private FusedFloatVector() {}

  /** Number of double lanes; at least two, or {@link FloatKernels} does not use this class. */
  static int lanes() {
    return LANES;
  }

  /** Number of float lanes of the float loops. */
  static int floatLanes() {
    return FLANES;
  }

  /** Bits per vector. */
  static int bits() {
    return FL.vectorBitSize();
  }

  /**
   * As {@link FusedFloat#crossEntropy}, on float lanes: the row's exponentials {@code e^{s − max}} are
   * taken eight at a time (AVX2) straight into {@code g} ({@link #expSum}), then scaled in place by
   * {@code scale/Σ}. The sum is {@code Σ = ties + rest}, the maximal scores (whose exponential is
   * exactly 1) counted apart from the rest, so that a confident row's small {@code 1 − p_y = rest/Σ}
   * and small value {@code log1p(rest)} keep their relative precision. The float exponential is
   * accurate to a few float ulps: every gradient entry stays within 1e-6 of the row's largest and the
   * value within 1e-6 relative of the double path.
   */
  static double crossEntropy(float[] s, int so, int k, int y, int ignoreIndex, double smoothing,
      float[] g, int go, float scale) {
    if (y == ignoreIndex) {
      java.util.Arrays.fill(g, go, go + k, 0f);
      return 0.0;
    }
    double[] out = FusedFloat.Rows.floats(0).out;
    double scoreSum = smoothing == 0 ? 0 : FastFloat.sum(s, so, k);
    double rest = expSum(s, so, k, null, 0, g, go, out);
    double ties = out[1];
    double max = out[0];
    double sum = ties + rest;
    double ey = g[go + y];
    // p_y − 1 = (e_y − Σ)/Σ, which is −rest/Σ when y is the one maximal class (e_y = 1)
    double gy = ey == 1.0 && ties == 1 ? -rest / sum : (ey - sum) / sum;
    float c = (float) (scale / sum);
    // plain loops, which hold no Vector API call that could be left out of line
    if (smoothing == 0) {
      for (int j = 0; j < k; j++) {
        g[go + j] *= c;
      }
      g[go + y] = (float) (scale * gy);
      return (ties == 1 ? Math.log1p(rest) : Math.log(sum)) - ((double) s[so + y] - max);
    }
    float floor = (float) (scale * smoothing / k);
    for (int j = 0; j < k; j++) {
      g[go + j] = g[go + j] * c - floor;
    }
    float vy = (float) (scale * FusedFloat.smoothedLabelGradient(gy, smoothing, k));
    g[go + y] = vy;
    // each entry p_j − ε/k is off by about ULPS·p_j (the float exponential, the product, the
    // difference), which cancels near a stationary point
    if (!FusedFloat.smoothedRowHolds(g, go, k, vy, ULPS * c)) {
      return Double.NaN;
    }
    return FusedFloat.smoothedValue(ties == 1 ? Math.log1p(rest) : Math.log(sum),
        (double) s[so + y] - max, scoreSum - k * max, smoothing, k);
  }

  /**
   * As {@link FusedFloat#binaryCrossEntropy}, on float lanes: per element {@code e = e^{−|s|}} (the
   * exponential of {@link #expSum}), {@code σ(s) = a/(1 + e)} and {@code σ(−s) = b/(1 + e)} with
   * {@code (a, b) = (1, e)} for {@code s ≥ 0} and {@code (e, 1)} below, the gradient
   * {@code (1 − y)σ(s) − yσ(−s)} (nothing cancels when {@code y = 1} and {@code σ(s) ≈ 1}), and the
   * value {@code max(s, 0) − y·s + log(1 + e)} with {@code log(1 + e) = 2 atanh(e/(2 + e))} by a
   * minimax polynomial; the values are summed in float blocks added into a double. Dense targets are
   * narrowed to float lane by lane; {@code label ≥ 0} (with {@code y == null}) is one-hot.
   */
  static double binaryCrossEntropy(float[] s, int so, int k, double[] y, int yo, int label,
      float[] g, int go, double[] scratch, float scale) {
    int bound = FL.loopBound(k);
    if (y != null) {
      // targets of 0 and 1 take the shorter loop; a row whose first targets are soft goes straight to
      // the careful one, and one with a soft target further on is taken again by it
      double value = startsZeroOne(y, yo, Math.min(k, FLANES))
          ? binaryCrossEntropyZeroOne(s, so, bound, y, yo, g, go, scale)
          : -1;
      if (value < 0) {
        value = binaryCrossEntropyDense(s, so, bound, y, yo, g, go, scale);
      }
      if (value < 0) {
        // a soft target close to the sigmoid: see binaryCrossEntropyDense
        return FusedFloat.binaryCrossEntropyScalar(s, so, k, y, yo, -1, g, go, scratch, scale);
      }
      for (int j = bound; j < k; j++) {
        value += binaryCrossEntropyAt(s[so + j], y[yo + j], g, go + j, scale);
      }
      return value;
    }
    return binaryCrossEntropyOneHot(s, so, k, label, g, go, scale);
  }


  /**
   * One element, for a row's tail and the vector holding a one-hot label: its value; its gradient into
   * {@code g[at]}. With a target of 0 or 1 nothing cancels and the float exponential of
   * {@link FastFloat} will do; any other target takes {@link Math#exp}, since {@code (1 − y)σ(s) −
   * yσ(−s)} cancels when {@code σ(s)} is close to {@code y}.
   */
  private static double binaryCrossEntropyAt(float score, double y, float[] g, int at, float scale) {
    double x = score;
    double e = y == 0 || y == 1 ? FastFloat.expNonPositive(-Math.abs(score)) : Math.exp(-Math.abs(x));
    double a = x >= 0 ? 1.0 : e;
    double b = x >= 0 ? e : 1.0;
    g[at] = (float) (((1 - y) * a - y * b) * (scale / (1 + e)));
    return (x >= 0 ? (1 - y) * x : -y * x) + FastFloat.log1pUnit(e);
  }

  /** Whether {@code y[yo, yo + n)} are all 0 or 1. */
  private static boolean startsZeroOne(double[] y, int yo, int n) {
    for (int j = 0; j < n; j++) {
      double t = y[yo + j];
      if (t != 0 && t != 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * The whole vectors of {@link #binaryCrossEntropy} with a dense target of 0s and 1s, {@code bound} a
   * multiple of the lanes: {@link #binaryCrossEntropyDense} without what soft targets need. A target
   * of 0 or 1 is exact in float, and so is {@code 1 − t}; one of the gradient's two terms is 0, so
   * nothing cancels. Returns −1 when some target is not 0 or 1 (the row is then the careful loop's),
   * found by summing {@code (y(1 − y))²} in double lanes: no cancellation, and a sum that is 0 only
   * when every target is 0 or 1, or below 1e-162 away from one. About 15 % faster than the careful
   * loop on the benchmark's rows (1.37–1.65 against 1.64–1.87 ns/element, interleaved in a scratch
   * harness).
   */
  private static double binaryCrossEntropyZeroOne(float[] s, int so, int bound, double[] y, int yo,
      float[] g, int go, float scale) {
    expNegAbs(s, so, bound, g, go);
    double value = 0;
    double soft = 0;
    int i = 0;
    while (i < bound) {
      int blockEnd = Math.min(bound, i + BLOCK * FLANES);
      FloatVector acc = FloatVector.zero(FL);
      DoubleVector off = DoubleVector.zero(D);
      for (; i < blockEnd; i += FLANES) {
        FloatVector x = FloatVector.fromArray(FL, s, so + i);
        DoubleVector ylo = DoubleVector.fromArray(D, y, yo + i);
        DoubleVector yhi = DoubleVector.fromArray(D, y, yo + i + LANES);
        DoubleVector plo = DONE.sub(ylo).mul(ylo);
        DoubleVector phi = DONE.sub(yhi).mul(yhi);
        off = phi.fma(phi, plo.fma(plo, off));
        FloatVector t = ((FloatVector) ylo.convertShape(VectorOperators.D2F, FL, 0)).blend(
            ((FloatVector) yhi.convertShape(VectorOperators.D2F, FL, 0)).rearrange(UP_HALF),
            HIGH_HALF);
        FloatVector u = FONE.sub(t);
        VectorMask<Float> negative = x.compare(VectorOperators.LT, 0f);
        FloatVector e = FloatVector.fromArray(FL, g, go + i);
        FloatVector a = FONE.blend(e, negative);
        FloatVector b = e.blend(FONE, negative);
        u.mul(a).sub(t.mul(b)).mul(FONE.div(e.add(1f)).mul(scale)).intoArray(g, go + i);
        FloatVector z = e.div(e.add(2f));
        FloatVector w = z.mul(z);
        FloatVector atanh = w.mul(w).fma(w.fma(B3, B2), w.fma(B1, B0));
        acc = acc.add(u.blend(t, negative).fma(x.abs(), z.add(z).mul(atanh)));
      }
      value += acc.reduceLanes(VectorOperators.ADD);
      soft += off.reduceLanes(VectorOperators.ADD);
    }
    return soft == 0 ? value : -1;
  }

  /**
   * The whole vectors of {@link #binaryCrossEntropy} with a dense target, {@code bound} a multiple of
   * the lanes. The exponential's lines repeat {@link #expSum}'s on purpose: a helper method returning a
   * vector is boxed whenever C2 does not inline it (twice as slow in a scratch harness), and nothing
   * guarantees the inlining.
   */
  private static double binaryCrossEntropyDense(float[] s, int so, int bound, double[] y, int yo,
      float[] g, int go, float scale) {
    expNegAbs(s, so, bound, g, go);
    double value = 0;
    float terms = 0f;
    float largest = 0f;
    int i = 0;
    while (i < bound) {
      int blockEnd = Math.min(bound, i + BLOCK * FLANES);
      FloatVector acc = FloatVector.zero(FL);
      FloatVector mostTerms = FloatVector.zero(FL);
      FloatVector most = FloatVector.zero(FL);
      for (; i < blockEnd; i += FLANES) {
        FloatVector x = FloatVector.fromArray(FL, s, so + i);
        // y and 1 − y, each formed in double and narrowed, two double vectors into the low and the
        // high half of one float vector: 1 − y narrowed keeps its relative precision when y is close to
        // 1, where (1 − y)·s is the value of a large positive score
        DoubleVector ylo = DoubleVector.fromArray(D, y, yo + i);
        DoubleVector yhi = DoubleVector.fromArray(D, y, yo + i + LANES);
        FloatVector t = ((FloatVector) ylo.convertShape(VectorOperators.D2F, FL, 0)).blend(
            ((FloatVector) yhi.convertShape(VectorOperators.D2F, FL, 0)).rearrange(UP_HALF),
            HIGH_HALF);
        FloatVector u = ((FloatVector) DONE.sub(ylo).convertShape(VectorOperators.D2F, FL, 0)).blend(
            ((FloatVector) DONE.sub(yhi).convertShape(VectorOperators.D2F, FL, 0)).rearrange(UP_HALF),
            HIGH_HALF);
        VectorMask<Float> negative = x.compare(VectorOperators.LT, 0f);
        FloatVector ax = x.abs();
        FloatVector e = FloatVector.fromArray(FL, g, go + i);
        FloatVector a = FONE.blend(e, negative);
        FloatVector b = e.blend(FONE, negative);
        FloatVector inv = FONE.div(e.add(1f));
        FloatVector ua = u.mul(a);
        FloatVector tb = t.mul(b);
        FloatVector gi = ua.sub(tb).mul(inv);
        gi.mul(scale).intoArray(g, go + i);
        // the two terms' size against the gradient's: they cancel for a soft target near σ(s)
        FloatVector both = ua.add(tb).mul(inv);
        mostTerms = mostTerms.blend(both, mostTerms.compare(VectorOperators.LT, both));
        FloatVector ag = gi.abs();
        most = most.blend(ag, most.compare(VectorOperators.LT, ag));
        FloatVector z = e.div(e.add(2f));
        FloatVector w = z.mul(z);
        FloatVector atanh = w.mul(w).fma(w.fma(B3, B2), w.fma(B1, B0));
        FloatVector log1p = z.add(z).mul(atanh);
        // max(s, 0) − y·s: (1 − y)·|s| for s ≥ 0, y·|s| below
        acc = acc.add(u.blend(t, negative).fma(ax, log1p));
      }
      value += acc.reduceLanes(VectorOperators.ADD);
      terms = Math.max(terms, mostTerms.reduceLanes(VectorOperators.MAX));
      largest = Math.max(largest, most.reduceLanes(VectorOperators.MAX));
    }
    // each entry is off by about 4 float ulps of its two terms (the exponential, 1 + e, the division):
    // beyond BCE_TOLERANCE of the row's largest entry, −1 sends the row to the scalar loop
    return 4 * ULPS * terms <= BCE_TOLERANCE * largest ? value : -1;
  }

  /**
   * {@link #binaryCrossEntropy} with a one-hot target ({@code label}, none if outside
   * {@code [0, k)}): the loop takes every whole vector with a target of 0 except the one holding the
   * label, which goes through the scalar code with the row's tail, so that its target of 1 is never
   * taken as 0 and corrected afterwards (a score of 1e4 would swamp the float sum).
   */
  private static double binaryCrossEntropyOneHot(float[] s, int so, int k, int label, float[] g,
      int go, float scale) {
    int bound = FL.loopBound(k);
    int skip = label >= 0 && label < bound ? label - label % FLANES : -1;
    expNegAbs(s, so, bound, g, go);
    double value = 0;
    // two runs of whole vectors, [0, cut) and [resume, bound), around the skipped one (a branch inside
    // the vector loop made C2 box its accumulator: 8 bytes an element)
    int cut = skip < 0 ? bound : skip;
    int resume = skip < 0 ? bound : skip + FLANES;
    for (int run = 0; run < 2; run++) {
      int i = run == 0 ? 0 : resume;
      int end = run == 0 ? cut : bound;
      while (i < end) {
        int blockEnd = Math.min(end, i + BLOCK * FLANES);
        FloatVector acc = FloatVector.zero(FL);
        for (; i < blockEnd; i += FLANES) {
          FloatVector x = FloatVector.fromArray(FL, s, so + i);
          VectorMask<Float> negative = x.compare(VectorOperators.LT, 0f);
          FloatVector e = FloatVector.fromArray(FL, g, go + i);
          // σ(s) = a/(1 + e)
          FONE.blend(e, negative).mul(FONE.div(e.add(1f)).mul(scale)).intoArray(g, go + i);
          FloatVector z = e.div(e.add(2f));
          FloatVector w = z.mul(z);
          FloatVector atanh = w.mul(w).fma(w.fma(B3, B2), w.fma(B1, B0));
          acc = acc.add(x.blend(0f, negative).add(z.add(z).mul(atanh)));
        }
        value += acc.reduceLanes(VectorOperators.ADD);
      }
    }
    for (int j = cut; j < resume; j++) {
      value += binaryCrossEntropyAt(s[so + j], j == label ? 1.0 : 0.0, g, go + j, scale);
    }
    for (int j = bound; j < k; j++) {
      value += binaryCrossEntropyAt(s[so + j], j == label ? 1.0 : 0.0, g, go + j, scale);
    }
    return value;
  }

  /**
   * {@code g[go + j] ← e^{−|s[so + j]|}} over the whole vectors {@code [0, bound)}: the exponential of
   * {@link #expSum} on {@code −|s|}, in a pass of its own ahead of binary-cross-entropy's. That loop is
   * bound by the latency of its chain, and two shorter chains overlap more iterations than one long
   * one (1.78–1.80 against 1.94–2.03 ns/element, interleaved in a scratch harness). Called only from
   * the two compile roots above, so it is inlined one level deep at most.
   */
  private static void expNegAbs(float[] s, int so, int bound, float[] g, int go) {
    for (int i = 0; i < bound; i += FLANES) {
      FloatVector m = FloatVector.fromArray(FL, s, so + i).abs().neg();
      FloatVector tm = m.fma(LOG2E, ROUND);
      FloatVector n = tm.sub(ROUND);
      FloatVector r = n.fma(MINUS_LN2, m);
      FloatVector r2 = r.mul(r);
      FloatVector poly = r2.fma(r.fma(A3, A2), r.fma(A1, A0));
      FloatVector er = poly.fma(r2, r.add(1f));
      FloatVector two = ((IntVector) tm.reinterpretAsInts()).lanewise(VectorOperators.LSHL, 23)
          .add(0x3F800000).reinterpretAsFloats();
      er.mul(two).blend(0f, m.compare(VectorOperators.LT, UNDERFLOW)).intoArray(g, go + i);
    }
  }


  /**
   * How far, in units of its largest gradient entry, the float-lane softmax-mse's error estimate may
   * reach before the row is computed again in double. The estimate adds worst cases and runs
   * several times above the measured error; with this bound the largest error measured over 20,000
   * rows of five score distributions (saturated ones included) was 6.3e-7 of the row's largest entry
   * with dense targets and 1.7e-6 with labels, against the float path's 1e-5, and 3 of the
   * benchmark's 4096 rows were recomputed.
   */
  private static final double SOFTMAX_MSE_TOLERANCE = 8e-6;
  /**
   * The relative error the estimate assumes for each float quantity of the softmax-mse loop (a
   * probability, a difference, a sum): 2⁻²², four float ulps, where the exponential measures at most
   * 3.3 on the arguments that matter.
   */
  private static final double ULPS = 0x1p-22;
  /**
   * binary-cross-entropy's counterpart of {@link #SOFTMAX_MSE_TOLERANCE}: with 0/1 targets one of the
   * gradient's two terms is 0 and the check always passes; with soft targets it sends to the scalar
   * loop the rows whose largest entry is below about 1e-1 of its terms.
   */
  private static final double BCE_TOLERANCE = 8e-6;

  /**
   * As {@link FusedFloat#softmaxSquared}, on float lanes, with a check: the exponentials and sum of
   * {@link #expSum}, {@code d = p − y}, and the gradient {@code 2·scale·p ⊙ (d − ⟨p, d⟩)}. This
   * gradient can be far smaller than its terms (a saturated softmax, or a target close to the
   * softmax), where float probabilities lose it; so the loops also sum an error estimate, each float
   * quantity taken as {@link #ULPS} off, and when that estimate exceeds
   * {@link #SOFTMAX_MSE_TOLERANCE} of the largest gradient entry, the row is computed again by the
   * scalar loop {@link FusedFloat#softmaxSquaredScalar}, in double. The benchmark's rows (N(0, 4)
   * scores, one-hot targets) nearly all pass the check; rows close to a stationary point of the loss
   * do not. {@code p} is the scalar loop's scratch (length ≥ k).
   */
  static double softmaxSquared(float[] s, int so, int k, double[] y, int yo, int label, float[] g,
      int go, double[] p, float scale) {
    FusedFloat.Rows rows = FusedFloat.Rows.floats(k);
    double rest = expSum(s, so, k, y, yo, g, go, rows.out);
    double sum = rows.out[1] + rest;
    double value = Double.NaN; // a NaN score: the scalar loop spreads it over the row
    if (sum < Double.POSITIVE_INFINITY) {
      value = y != null
          ? centredDense(g, go, k, sum, y, yo, rows.f, scale)
          : centredOneHot(g, go, k, label, sum, scale);
    }
    return value >= 0 ? value
        : FusedFloat.softmaxSquaredScalar(s, so, k, y, yo, label, g, go, p, scale);
  }

  // Compile roots. Every loop below sits in a method larger than C2's FreqInlineSize (325 bytes of
  // bytecode in JDK 17), so it is never inlined into its caller and C2 compiles it on its own, and
  // none takes or returns a vector. Inlined a few calls deep, the Vector API's own call chain passes
  // C2's MaxInlineLevel (15), a vector operation is left out of line and every vector it touches is
  // boxed (measured: 8 to 77 bytes allocated an element); with several loops in one method, C2's
  // node budget does the same. Hence the pairs of loops per method below, and not more.

  /**
   * {@code g[go + j] ← e^{s[so + j] − max}} for {@code j < k} on float lanes, {@code max} the row's
   * largest score; writes {@code max} into {@code out[0]} and the number of scores equal to it (whose
   * exponential is exactly 1) into {@code out[1]}, and returns the sum of the other exponentials, summed
   * in float blocks of {@value #BLOCK} vectors each added into a double. Kept apart from the ones, a
   * confident row's small sum keeps its relative precision.
   *
   * <p>The maximum by compare-and-blend: two instructions a vector, where {@link FloatVector#max}
   * costs five (it keeps {@link Math#max}'s NaN and signed-zero rules). A NaN score may be skipped
   * there; it still reaches the sum through its own exponential.
   *
   * <p>The exponential: {@code x = n·ln 2 + r} with {@code n} rounded by adding {@code 1.5·2²³} (so
   * {@code n} is read from the mantissa bits, and {@code 2ⁿ} is those bits shifted into the exponent,
   * since JDK 17 does not intrinsify the float-to-int lane conversion), {@code r} by one FMA with
   * {@code ln 2} rounded to float, and {@code e^r} by a degree-5 minimax polynomial evaluated in Estrin
   * form (short dependency chains: this loop is limited by latency, not by arithmetic). Measured
   * against {@code Math.exp} of the same float argument: at most 3.3 float ulps for
   * {@code x ∈ [−10, 0]}, 6.6 down to {@code −87.3} (where {@code n·(ln 2 − float(ln 2))} adds up to
   * 2.4e-7, less than the rounding of {@code x = s − max} itself). Below {@code −87.3} the result is
   * 0. NaN stays NaN.
   */
  private static double expSum(float[] s, int so, int k, double[] y, int yo, float[] g, int go,
      double[] out) {
    int bound = FL.loopBound(k);
    float max = s[so];
    int i = 0;
    if (bound > 0) {
      FloatVector m = FloatVector.fromArray(FL, s, so);
      for (i = FLANES; i < bound; i += FLANES) {
        FloatVector v = FloatVector.fromArray(FL, s, so + i);
        m = m.blend(v, m.compare(VectorOperators.LT, v));
      }
      max = m.reduceLanes(VectorOperators.MAX);
    }
    for (; i < k; i++) {
      max = Math.max(max, s[so + i]);
    }
    double rest = 0;
    int notTied = 0;
    // the next row, when the arrays hold one: its scores (and dense target) are read here, one
    // element a 64-byte line, so that memory delivers them while this row's exponentials compute
    int nextS = so + 2 * k <= s.length ? so + k : -1;
    int nextY = y != null && yo + 2 * k <= y.length ? yo + k : -1;
    double touched = 0;
    i = 0;
    // the accumulator lives inside one block: a vector carried around the outer loop as well is boxed
    // by C2 17 on every iteration (measured: 64 bytes a vector)
    while (i < bound) {
      int blockEnd = Math.min(bound, i + BLOCK * FLANES);
      FloatVector acc = FloatVector.zero(FL);
      FloatVector count = FloatVector.zero(FL);
      for (; i < blockEnd; i += FLANES) {
        if (nextS >= 0 && (i & 15) == 0) {
          touched += s[nextS + i];
        }
        if (nextY >= 0 && (i & 7) == 0) {
          touched += y[nextY + i];
        }
        FloatVector x = FloatVector.fromArray(FL, s, so + i).sub(max);
        FloatVector t = x.fma(LOG2E, ROUND);
        FloatVector n = t.sub(ROUND);
        FloatVector r = n.fma(MINUS_LN2, x);
        FloatVector r2 = r.mul(r);
        FloatVector poly = r2.fma(r.fma(A3, A2), r.fma(A1, A0));
        FloatVector er = poly.fma(r2, r.add(1f));
        FloatVector two = ((IntVector) t.reinterpretAsInts()).lanewise(VectorOperators.LSHL, 23)
            .add(0x3F800000).reinterpretAsFloats();
        FloatVector e = er.mul(two).blend(0f, x.compare(VectorOperators.LT, UNDERFLOW));
        e.intoArray(g, go + i);
        VectorMask<Float> below = x.compare(VectorOperators.NE, 0f);
        acc = acc.add(e, below);
        count = count.sub(below.toVector()); // a true lane reads −1
      }
      rest += acc.reduceLanes(VectorOperators.ADD);
      notTied += (int) count.reduceLanes(VectorOperators.ADD);
    }
    int ties = bound - notTied;
    for (; i < k; i++) {
      float x = s[so + i] - max;
      float e = x < UNDERFLOW ? 0f : FastFloat.expNonPositive(x);
      g[go + i] = e;
      if (x != 0) {
        rest += e;
      } else {
        ties++;
      }
    }
    out[0] = max;
    out[1] = ties;
    out[2] = touched; // kept, or the compiler drops the reads
    return rest;
  }

  /** {@link #oneHot}'s answer for a row that is not one-hot. */
  private static final int NOT_ONE_HOT = -2;

  /**
   * Where the dense target {@code y[yo, yo + k)} holds its one 1 when every other entry is 0 (−1 when
   * all are 0), else {@link #NOT_ONE_HOT}: such a row is a label, and softmax-mse takes
   * {@link #centredOneHot}, which reads no target and keeps the label's term apart (one-hot rows given
   * as dense targets are common). Four double lanes at a time; a lane that is not 0 is looked at in
   * scalar code.
   */
  private static int oneHot(double[] y, int yo, int k) {
    int bound = D.loopBound(k);
    int label = -1;
    int i = 0;
    for (; i < bound && label != NOT_ONE_HOT; i += LANES) {
      if (DoubleVector.fromArray(D, y, yo + i).compare(VectorOperators.NE, 0.0).anyTrue()) {
        for (int j = i; j < i + LANES; j++) {
          label = oneHotAt(y[yo + j], j, label);
        }
      }
    }
    for (; i < k && label != NOT_ONE_HOT; i++) {
      label = oneHotAt(y[yo + i], i, label);
    }
    return label;
  }

  /** {@link #oneHot}'s step: the label so far after target {@code t} at {@code j}. */
  private static int oneHotAt(double t, int j, int label) {
    if (t == 0 || label == NOT_ONE_HOT) {
      return label;
    }
    return t == 1 && label == -1 ? j : NOT_ONE_HOT;
  }

  /**
   * softmax-mse's second half with a dense target, over the exponentials {@code e} in
   * {@code g[go, go + k)} summing to {@code sum}: {@code d = p − y} into {@code d[0, k)} with
   * {@code Σ d²} (the value), {@code Σ p·d}, {@code Σ p·|d|}, {@code Σ p²} and
   * {@code max p·(2p + |d|)}; then
   * {@code g ← 2·scale·p·(d − Σ p·d)} and its largest entry. Returns the value, or −1 when the error
   * estimate says the row must be computed again in double.
   */
  private static double centredDense(float[] g, int go, int k, double sum, double[] y, int yo,
      float[] d, float scale) {
    int label = oneHot(y, yo, k);
    if (label != NOT_ONE_HOT) {
      return centredOneHot(g, go, k, label, sum, scale);
    }
    int bound = FL.loopBound(k);
    double inv = 1.0 / sum; // also the largest probability: the maximal exponential is 1
    float invF = (float) inv;
    double squares = 0;
    double dot = 0;
    double spread = 0;
    double probabilitySquares = 0;
    float worst = 0f;
    int i = 0;
    while (i < bound) {
      int blockEnd = Math.min(bound, i + BLOCK * FLANES);
      FloatVector sq = FloatVector.zero(FL);
      FloatVector pd = FloatVector.zero(FL);
      FloatVector pabs = FloatVector.zero(FL);
      FloatVector psq = FloatVector.zero(FL);
      FloatVector most = FloatVector.zero(FL);
      for (; i < blockEnd; i += FLANES) {
        FloatVector pr = FloatVector.fromArray(FL, g, go + i).mul(invF);
        // two double vectors narrowed into the low and the high half of one float vector
        FloatVector t = ((FloatVector) DoubleVector.fromArray(D, y, yo + i)
            .convertShape(VectorOperators.D2F, FL, 0))
            .blend(((FloatVector) DoubleVector.fromArray(D, y, yo + i + LANES)
                .convertShape(VectorOperators.D2F, FL, 0)).rearrange(UP_HALF), HIGH_HALF);
        FloatVector di = pr.sub(t);
        di.intoArray(d, i);
        sq = di.fma(di, sq);
        pd = pr.fma(di, pd);
        FloatVector ad = di.abs();
        pabs = pr.fma(ad, pabs);
        psq = pr.fma(pr, psq);
        FloatVector w = pr.mul(pr.add(pr).add(ad));
        most = most.blend(w, most.compare(VectorOperators.LT, w));
      }
      squares += sq.reduceLanes(VectorOperators.ADD);
      dot += pd.reduceLanes(VectorOperators.ADD);
      spread += pabs.reduceLanes(VectorOperators.ADD);
      probabilitySquares += psq.reduceLanes(VectorOperators.ADD);
      worst = Math.max(worst, most.reduceLanes(VectorOperators.MAX));
    }
    for (; i < k; i++) {
      float pr = g[go + i] * invF;
      float di = pr - (float) y[yo + i];
      d[i] = di;
      squares += di * di;
      dot += pr * di;
      spread += pr * Math.abs(di);
      probabilitySquares += pr * pr;
      worst = Math.max(worst, pr * (2 * pr + Math.abs(di)));
    }
    double twoScale = 2.0 * scale;
    float ce = (float) (twoScale * inv);
    float dotF = (float) dot;
    FloatVector most = FloatVector.zero(FL);
    i = 0;
    for (; i < bound; i += FLANES) {
      FloatVector e = FloatVector.fromArray(FL, g, go + i);
      FloatVector v = e.mul(ce).mul(FloatVector.fromArray(FL, d, i).sub(dotF));
      v.intoArray(g, go + i);
      FloatVector a = v.abs();
      most = most.blend(a, most.compare(VectorOperators.LT, a));
    }
    float largest = most.reduceLanes(VectorOperators.MAX);
    for (; i < k; i++) {
      float v = g[go + i] * ce * (d[i] - dotF);
      g[go + i] = v;
      largest = Math.max(largest, Math.abs(v));
    }
    // dot = Σ p·d: each term off by ULPS·(2p² + 2p|d|), the float sum by 2·ULPS of Σ p|d|
    double dotError = ULPS * (4 * spread + 2 * probabilitySquares);
    // entry j = 2·scale·p_j·(d_j − dot): d_j off by ULPS·(p_j + |y_j|) ≤ ULPS·(2p_j + |d_j|), whose
    // p_j-weighted largest is worst; dot off by dotError; and p_j's own ULPS times the entry. (The
    // bound 2Σp² + Σp|d| for worst is cheaper but five times looser on the benchmark's rows, and sent
    // 2.6 % of them to the scalar loop.)
    double estimate = twoScale * (ULPS * worst + inv * dotError) + ULPS * largest;
    return estimate <= SOFTMAX_MSE_TOLERANCE * largest ? squares : -1;
  }

  /**
   * softmax-mse's second half with a one-hot target ({@code label}, none if outside {@code [0, k)}),
   * over the exponentials {@code e} in {@code g[go, go + k)} summing to {@code sum}: the label's
   * exponential set aside, {@code Σ e²}, {@code max e} and {@code Σ e} of the others; then
   * {@code g ← 2·scale·p·(p − dot)} and the label's entry apart. Returns the value, or −1 when the error
   * estimate says the row must be computed again in double.
   */
  private static double centredOneHot(float[] g, int go, int k, int label, double sum,
      float scale) {
    int bound = FL.loopBound(k);
    boolean hasLabel = label >= 0 && label < k;
    float el = hasLabel ? g[go + label] : 0f;
    if (hasLabel) {
      g[go + label] = 0f;
    }
    double squares = 0;
    double others = 0;
    float largestOther = 0f;
    int i = 0;
    while (i < bound) {
      int blockEnd = Math.min(bound, i + BLOCK * FLANES);
      FloatVector sq = FloatVector.zero(FL);
      FloatVector total = FloatVector.zero(FL);
      FloatVector most = FloatVector.zero(FL);
      for (; i < blockEnd; i += FLANES) {
        FloatVector e = FloatVector.fromArray(FL, g, go + i);
        sq = e.fma(e, sq);
        total = total.add(e);
        most = most.blend(e, most.compare(VectorOperators.LT, e));
      }
      squares += sq.reduceLanes(VectorOperators.ADD);
      others += total.reduceLanes(VectorOperators.ADD);
      largestOther = Math.max(largestOther, most.reduceLanes(VectorOperators.MAX));
    }
    for (; i < k; i++) {
      float e = g[go + i];
      squares += e * e;
      others += e;
      largestOther = Math.max(largestOther, e);
    }
    if (hasLabel) {
      g[go + label] = el;
      // Σ = e_l + (Σ others), so that 1 − p_l = (Σ others)/Σ keeps its relative precision when the
      // label is confident; the block sum of the whole row rounds the small others against e_l = 1
      sum = el + others;
    }
    double inv = 1.0 / sum;
    double twoScale = 2.0 * scale;
    double off = squares * inv * inv;
    double pmax = largestOther * inv; // the largest probability off the label
    double pl = el * inv;
    double dl = hasLabel ? -others * inv : 0; // p_l − 1
    double value = off + dl * dl;
    float ce = (float) (twoScale * inv);
    float invF = (float) inv;
    float dot = (float) (off + pl * dl);
    FloatVector most = FloatVector.zero(FL);
    i = 0;
    for (; i < bound; i += FLANES) {
      FloatVector e = FloatVector.fromArray(FL, g, go + i);
      FloatVector v = e.mul(ce).mul(e.mul(invF).sub(dot));
      v.intoArray(g, go + i);
      FloatVector a = v.abs();
      most = most.blend(a, most.compare(VectorOperators.LT, a));
    }
    float largest = most.reduceLanes(VectorOperators.MAX);
    for (; i < k; i++) {
      float e = g[go + i];
      float v = e * ce * (e * invF - dot);
      g[go + i] = v;
      largest = Math.max(largest, Math.abs(v));
    }
    if (hasLabel) {
      // d_l − dot = d_l(1 − p_l) − off: two terms of one sign
      double gl = twoScale * pl * (dl * (others * inv) - off);
      g[go + label] = (float) gl;
      largest = Math.max(largest, (float) Math.abs(gl));
    }
    // entry j off the label = 2·scale·p_j·(p_j − dot): p_j off by ULPS and by the rounding of inv
    // and of p_j − dot, dot = off + p_l·d_l by 4·ULPS of its two terms (the float sum of squares
    // and the roundings of the products)
    double dotError = 4 * ULPS * (off + pl * Math.abs(dl));
    double estimate = twoScale * pmax * (2 * ULPS * pmax + dotError) + 2 * ULPS * largest;
    return estimate <= SOFTMAX_MSE_TOLERANCE * largest ? value : -1;
  }
}
