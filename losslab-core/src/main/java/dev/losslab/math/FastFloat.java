package dev.losslab.math;

/**
 * {@code e^x} and {@code log(1 + x)} for the fused float loss loops, far inside the 1e-5 the float path
 * promises.
 *
 * <p>The loops widen a row with {@link #widen} and use the double kernels,
 * {@link #expNonPositive(double[], int, int, double)} on a whole row, {@link #log1pUnit(double)},
 * {@link #sum} and {@link #dot}: made of multiplies, adds, divisions
 * and max/min only, so that C2 (JDK 17) vectorises the loops that call them, which it does not do for
 * {@link Math#exp} or for exponent bits assembled by hand. See each method for its accuracy.
 *
 * <p>The scalar float kernels, several times faster than {@link Math#exp}/{@link Math#log1p} but not
 * vectorised, accurate to about 3e-7 relative (a few float ulps): {@link #expNonPositive(float)}: Cody–Waite reduction {@code x = n·ln 2 + r}, {@code |r| ≤ ln 2 / 2}, a
 * degree-6 Taylor polynomial for {@code e^r} and {@code 2^n} assembled in the exponent bits. Domain
 * {@code x ≤ 0} (the loops only need {@code s − max} and {@code −|s|}); below −87.3 the result is
 * ≈ 1.2e-38 instead of the true underflow, a negligible absolute difference. NaN is not expected (the
 * scores are checked finite upstream).
 *
 * <p>{@link #log1pUnit(float)}: {@code log(1 + x) = 2 atanh(z)} with {@code z = x/(2 + x) ∈ [0, 1/3]} for
 * {@code x ∈ [0, 1]}, odd series to {@code z¹³}.
 */
public final class FastFloat {
  private static final float LOG2E = 1.44269504f;
  private static final float LN2_HI = 0.693145752f;
  private static final float LN2_LO = 1.42860677e-6f;
  private static final float ROUND = 12582912f; // 1.5·2²³: adding it rounds to an integer
  private static final int ROUND_BITS = 0x4B400000;
  /** See {@link #fastFma()}. */
  private static final boolean FMA = readUseFma();

  private FastFloat() {}

  /**
   * Whether {@link Math#fma} is a single instruction in this JVM: HotSpot's {@code UseFMA}, true on
   * x86-64 CPUs with FMA3 (Intel since 2013, AMD since 2012, but not every Pentium or Celeron) and on
   * AArch64. Where it is false, {@code Math.fma} is computed exactly in software, hundreds of times
   * slower, so the double kernels below then keep separate multiplies and adds (same accuracy bounds;
   * results differ in the last bits). Read once from the JVM's diagnostic bean when this class is
   * first used (about 20 ms); false when that bean cannot be read.
   */
  public static boolean fastFma() {
    return FMA;
  }

  private static boolean readUseFma() {
    try {
      return Boolean.parseBoolean(java.lang.management.ManagementFactory.getPlatformMXBean(
          com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("UseFMA").getValue());
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * Copies {@code s[so, so + k)} into {@code x[0, k)} as doubles and returns the largest score
   * ({@code k ≥ 1}). Conversion loops are not vectorised (JDK 17), so the max rides along in this one
   * instead of a pass of its own; as a branch, which is almost never taken, not a chain of
   * {@link Math#max} calls. A NaN score is not picked as the max but reaches a softmax through its own
   * exponential.
   */
  public static float widen(float[] s, int so, int k, double[] x) {
    float max = s[so];
    for (int j = 0; j < k; j++) {
      float v = s[so + j];
      x[j] = v;
      if (v > max) {
        max = v;
      }
    }
    return max;
  }

  /** {@code e^x} for {@code x ≤ 0}, relative error ≤ 3e-7 for {@code x ≥ −87.3}. */
  public static float expNonPositive(float x) {
    float v = Math.max(x, -87.3f);
    float t = v * LOG2E + ROUND;
    int n = Float.floatToRawIntBits(t) - ROUND_BITS;
    float fn = t - ROUND;
    float r = (v - fn * LN2_HI) - fn * LN2_LO;
    float p = 1f + r * (1f + r * (0.5f + r * (1f / 6 + r * (1f / 24 + r * (1f / 120 + r * (1f / 720))))));
    return p * Float.intBitsToFloat((n + 127) << 23);
  }

  /**
   * In place {@code a[i] ← e^{a[i]}} for {@code a[i] ≤ 0}, {@code i ∈ [from, to)}, as
   * {@code (T₆(x/1024))^1024}: the degree-6 Taylor polynomial of {@code e^{x/1024}} squared ten times.
   * Only multiplies, adds and a max, so C2 vectorises the loop (AVX2: four lanes), unlike
   * {@link Math#exp} or an exp that builds {@code 2^n} from bits. The argument is clamped to
   * {@code [−104, 0]}, where {@code |x/1024| ≤ 0.102} keeps the truncation error below 2.5e-8 relative
   * (below 1e-12 above −20); at or below −104 the result is about {@code e^{−104} ≈ 6.8e-46}, which
   * narrows to float {@code 0} exactly, as the true value does. Positive arguments are outside the domain.
   * NaN stays NaN.
   */
  public static void expNonPositive(double[] a, int from, int to) {
    expNonPositive(a, from, to, 0.0);
  }

  /**
   * In place {@code a[i] ← e^{a[i] − shift}} for {@code a[i] ≤ shift}: as
   * {@link #expNonPositive(double[], int, int)} on {@code a[i] − shift}, the subtraction done in the
   * same vectorised loop (a softmax's max-shift, without a pass of its own).
   */
  public static void expNonPositive(double[] a, int from, int to, double shift) {
    for (int i = from; i < to; i++) {
      double t = Math.max(a[i] - shift, -104.0) * (1.0 / 1024);
      // FMA is a constant: C2 keeps one of the two forms, and vectorises either
      double p = FMA
          ? Math.fma(t, Math.fma(t, Math.fma(t, Math.fma(t, Math.fma(t, Math.fma(t, 1.0 / 720,
              1.0 / 120), 1.0 / 24), 1.0 / 6), 0.5), 1.0), 1.0)
          : 1 + t * (1 + t * (0.5 + t * (1.0 / 6 + t * (1.0 / 24 + t * (1.0 / 120
              + t * (1.0 / 720))))));
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      a[i] = p;
    }
  }

  /**
   * {@code log(1 + e)} for {@code e ∈ [0, 1]} in double, relative error below 2e-10: {@code 2 atanh(z)},
   * {@code z = e/(2 + e) ∈ [0, 1/3]}, odd series to {@code z¹⁷}. A division, multiplies and adds only,
   * so a loop calling it vectorises; exact in relative terms for tiny {@code e} (no {@code 1 + e}
   * rounding).
   */
  public static double log1pUnit(double e) {
    double z = e / (2 + e);
    double z2 = z * z;
    double series = FMA
        ? Math.fma(z2, Math.fma(z2, Math.fma(z2, Math.fma(z2, Math.fma(z2, Math.fma(z2, Math.fma(z2,
            Math.fma(z2, 1.0 / 17, 1.0 / 15), 1.0 / 13), 1.0 / 11), 1.0 / 9), 1.0 / 7), 1.0 / 5),
            1.0 / 3), 1.0)
        : 1 + z2 * (1.0 / 3 + z2 * (1.0 / 5 + z2 * (1.0 / 7 + z2 * (1.0 / 9 + z2 * (1.0 / 11
            + z2 * (1.0 / 13 + z2 * (1.0 / 15 + z2 * (1.0 / 17))))))));
    return 2 * z * series;
  }

  /**
   * {@code Σ a[i]} over {@code [from, to)} with eight partial sums: eight independent add chains hide
   * the adder's latency (C2 17 does not vectorise a plain double sum), measured about twice as fast
   * as four on the benchmark machine.
   */
  public static double sum(double[] a, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    int i = from;
    for (; i + 7 < to; i += 8) {
      s0 += a[i];
      s1 += a[i + 1];
      s2 += a[i + 2];
      s3 += a[i + 3];
      s4 += a[i + 4];
      s5 += a[i + 5];
      s6 += a[i + 6];
      s7 += a[i + 7];
    }
    for (; i < to; i++) {
      s0 += a[i];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /** {@code Σ s[from + i]}, {@code i ∈ [0, n)}, in double with four partial sums. */
  public static double sum(float[] s, int from, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = from;
    int to = from + n;
    for (; i + 3 < to; i += 4) {
      s0 += s[i];
      s1 += s[i + 1];
      s2 += s[i + 2];
      s3 += s[i + 3];
    }
    for (; i < to; i++) {
      s0 += s[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code Σ a[ao + i]·b[bo + i]}, {@code i ∈ [0, n)}, with four partial sums. */
  public static double dot(double[] a, int ao, double[] b, int bo, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[ao + i] * b[bo + i];
      s1 += a[ao + i + 1] * b[bo + i + 1];
      s2 += a[ao + i + 2] * b[bo + i + 2];
      s3 += a[ao + i + 3] * b[bo + i + 3];
    }
    for (; i < n; i++) {
      s0 += a[ao + i] * b[bo + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code log(1 + x)} for {@code x ∈ [0, 1]}, relative error ≤ 3e-7. */
  public static float log1pUnit(float x) {
    float z = x / (2f + x);
    float z2 = z * z;
    float series = 1f + z2 * (1f / 3 + z2 * (1f / 5 + z2 * (1f / 7 + z2 * (1f / 9 + z2 * (1f / 11
        + z2 * (1f / 13))))));
    return 2f * z * series;
  }
}
