package dev.losslab.math;

/**
 * Float-precision {@code e^x} and {@code log(1 + x)} for the fused float loss loops: branch-free
 * polynomial kernels, several times faster than {@link Math#exp}/{@link Math#log1p} on doubles, accurate
 * to about 3e-7 relative (a few float ulps), which is far inside the 1e-5 the float path promises.
 *
 * <p>{@link #expNonPositive}: Cody–Waite reduction {@code x = n·ln 2 + r}, {@code |r| ≤ ln 2 / 2}, a
 * degree-6 Taylor polynomial for {@code e^r} and {@code 2^n} assembled in the exponent bits. Domain
 * {@code x ≤ 0} (the loops only need {@code s − max} and {@code −|s|}); below −87.3 the result is
 * ≈ 1.2e-38 instead of the true underflow, a negligible absolute difference. NaN is not expected (the
 * scores are checked finite upstream).
 *
 * <p>{@link #log1pUnit}: {@code log(1 + x) = 2 atanh(z)} with {@code z = x/(2 + x) ∈ [0, 1/3]} for
 * {@code x ∈ [0, 1]}, odd series to {@code z¹³}.
 */
public final class FastFloat {
  private static final float LOG2E = 1.44269504f;
  private static final float LN2_HI = 0.693145752f;
  private static final float LN2_LO = 1.42860677e-6f;
  private static final float ROUND = 12582912f; // 1.5·2²³: adding it rounds to an integer
  private static final int ROUND_BITS = 0x4B400000;

  private FastFloat() {}

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

  /** {@code log(1 + x)} for {@code x ∈ [0, 1]}, relative error ≤ 3e-7. */
  public static float log1pUnit(float x) {
    float z = x / (2f + x);
    float z2 = z * z;
    float series = 1f + z2 * (1f / 3 + z2 * (1f / 5 + z2 * (1f / 7 + z2 * (1f / 9 + z2 * (1f / 11
        + z2 * (1f / 13))))));
    return 2f * z * series;
  }
}
