package dev.losslab.text;

/**
 * The random numbers fastText's product quantizer draws, bit for bit: C++'s {@code std::minstd_rand}
 * ({@code x ← 48271·x mod (2³¹ − 1)}, values in {@code [1, 2³¹ − 2]}) and the three things libstdc++
 * (GCC 12, which built Debian's fastText 0.9.2) does with it:
 *
 * <ul>
 *   <li>{@link #uniformInt(long)}: {@code uniform_int_distribution} downscaling — {@code scaling =
 *       range / n}, redraw while {@code x − 1 ≥ n·scaling}, return {@code (x − 1) / scaling};
 *   <li>{@link #shuffle(int[], int)}: {@code std::shuffle} — Fisher–Yates from the front, and when
 *       {@code n² ≤ 2³¹ − 3} two swap positions drawn from one number ({@code __gen_two_uniform_ints});
 *   <li>{@link #canonical()}: {@code uniform_real_distribution<double>(0, 1)} through
 *       {@code generate_canonical<double, 53>}, two draws: {@code ((x₁−1) + (x₂−1)·R) / R²},
 *       {@code R = 2³¹ − 2}, with {@code R²} rounded to a double and the result kept below 1.
 * </ul>
 *
 * <p>With the same seed the quantizer therefore samples, initialises and splits its clusters exactly as
 * fastText does (the codes of a model quantized here equal those fastText writes for the same matrix).
 * Not thread-safe: one generator per quantizer, as in fastText.
 */
final class MinStdRand {
  private static final long MODULUS = 2147483647L;
  private static final long MULTIPLIER = 48271L;
  /** {@code max() − min()} of the generator: {@code (2³¹ − 2) − 1}. */
  private static final long RANGE = MODULUS - 2;
  /** {@code max() − min() + 1}, the radix of {@code generate_canonical}. */
  private static final double RADIX = MODULUS - 1;
  /** {@code R²} as libstdc++ stores it: exact in a long double, then rounded to a double. */
  private static final double RADIX_SQUARED = (double) ((MODULUS - 1) * (MODULUS - 1));

  private long state;

  /** A generator seeded as {@code std::minstd_rand(seed)}: {@code seed mod (2³¹ − 1)}, 0 becoming 1. */
  MinStdRand(long seed) {
    long s = Long.remainderUnsigned(seed, MODULUS);
    state = s == 0 ? 1 : s;
  }

  /** The next value, in {@code [1, 2³¹ − 2]}. */
  long next() {
    state = state * MULTIPLIER % MODULUS;
    return state;
  }

  /**
   * A uniform integer in {@code [0, n)} as {@code uniform_int_distribution<unsigned long>{0, n − 1}}
   * draws it.
   *
   * @param n the number of values, {@code 1 <= n <= 2³¹ − 2}
   */
  long uniformInt(long n) {
    if (n < 1 || n > RANGE + 1) {
      throw new IllegalArgumentException("range (" + n + ") must be in [1, " + (RANGE + 1) + "]");
    }
    if (n - 1 == RANGE) {
      return next() - 1;
    }
    long scaling = RANGE / n;
    long past = n * scaling;
    long r;
    do {
      r = next() - 1;
    } while (r >= past);
    return r / scaling;
  }

  /** {@code std::shuffle(a, a + n, rng)} with libstdc++'s draws. */
  void shuffle(int[] a, int n) {
    if (n <= 1) {
      return;
    }
    if (RANGE / n >= n) {
      int i = 1;
      if (n % 2 == 0) {
        swap(a, i++, (int) uniformInt(2));
      }
      while (i != n) {
        long swapRange = i + 1;
        long x = uniformInt(swapRange * (swapRange + 1));
        swap(a, i++, (int) (x / (swapRange + 1)));
        swap(a, i++, (int) (x % (swapRange + 1)));
      }
      return;
    }
    for (int i = 1; i < n; i++) {
      swap(a, i, (int) uniformInt(i + 1L));
    }
  }

  /** A double in {@code [0, 1)} as {@code uniform_real_distribution<double>(0, 1)} draws it. */
  double canonical() {
    double sum = next() - 1;
    sum += (double) (next() - 1) * RADIX;
    double r = sum / RADIX_SQUARED;
    return r >= 1.0 ? Math.nextDown(1.0) : r;
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
