package dev.losslab.math;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Extended-precision reference functions on {@link BigDecimal} (exp, log, log1p, erf, erfc), written
 * for the tests: slow, simple and independent of the double code they check. Precision is set by
 * {@link #MC}; every function is accurate to far more digits than a double holds for the arguments the
 * tests use (|x| ≤ 1e4 for exp, erf arguments ≤ 10).
 */
public final class BigMath {
  /** 120 significant digits. */
  public static final MathContext MC = new MathContext(120, RoundingMode.HALF_EVEN);
  /** π to 100 digits. */
  public static final BigDecimal PI = new BigDecimal(
      "3.141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342117068");
  private static final BigDecimal LN10 = computeLn10();

  private BigMath() {}

  /** The exact value of a double. */
  public static BigDecimal of(double x) {
    return new BigDecimal(x);
  }

  /** {@code e^x}, by halving to |x| < 1/2, a Taylor series and repeated squaring. */
  public static BigDecimal exp(BigDecimal x) {
    if (x.signum() < 0) {
      return BigDecimal.ONE.divide(exp(x.negate()), MC);
    }
    MathContext wide = new MathContext(MC.getPrecision() + 30, RoundingMode.HALF_EVEN);
    int halvings = 0;
    BigDecimal r = x;
    while (r.compareTo(new BigDecimal("0.5")) > 0) {
      r = r.divide(BigDecimal.valueOf(2), wide);
      halvings++;
    }
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    BigDecimal tiny = BigDecimal.ONE.movePointLeft(wide.getPrecision() + 5);
    for (int n = 1; n < 1000; n++) {
      term = term.multiply(r, wide).divide(BigDecimal.valueOf(n), wide);
      sum = sum.add(term, wide);
      if (term.abs().compareTo(tiny) < 0) {
        break;
      }
    }
    for (int i = 0; i < halvings; i++) {
      sum = sum.multiply(sum, wide);
    }
    return sum.round(MC);
  }

  /** {@code e^x} of a double. */
  public static BigDecimal exp(double x) {
    return exp(of(x));
  }

  /** Natural logarithm of a positive number, any magnitude (Newton on exp from a double guess). */
  public static BigDecimal log(BigDecimal x) {
    if (x.signum() <= 0) {
      throw new ArithmeticException("log of " + x);
    }
    int e10 = x.precision() - x.scale() - 1;
    BigDecimal d = x.movePointLeft(e10);
    BigDecimal y = of(Math.log(d.doubleValue()));
    for (int i = 0; i < 8; i++) {
      BigDecimal ey = exp(y);
      y = y.add(BigDecimal.valueOf(2).multiply(d.subtract(ey), MC).divide(d.add(ey), MC), MC);
    }
    return e10 == 0 ? y : y.add(LN10.multiply(BigDecimal.valueOf(e10), MC), MC);
  }

  /** {@code log(1 + x)} for {@code x > −1}, by its series when |x| is small (no loss of digits). */
  public static BigDecimal log1p(BigDecimal x) {
    if (x.abs().compareTo(new BigDecimal("1e-3")) >= 0) {
      return log(BigDecimal.ONE.add(x, MC));
    }
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal power = BigDecimal.ONE;
    for (int n = 1; n < 200; n++) {
      power = power.multiply(x, MC);
      BigDecimal term = power.divide(BigDecimal.valueOf(n), MC);
      sum = n % 2 == 1 ? sum.add(term, MC) : sum.subtract(term, MC);
      if (term.signum() == 0 || term.abs().compareTo(sum.abs().movePointLeft(MC.getPrecision())) < 0) {
        break;
      }
    }
    return sum;
  }

  /** {@code erf(x)} of a double. */
  public static BigDecimal erf(double x) {
    return erf(of(x));
  }

  /** {@code erf(x)} by the alternating Taylor series at 60 extra digits (for |x| ≤ 10). */
  public static BigDecimal erf(BigDecimal bx) {
    MathContext wide = new MathContext(MC.getPrecision() + 60, RoundingMode.HALF_EVEN);
    double x = bx.doubleValue();
    BigDecimal x2 = bx.multiply(bx, wide);
    BigDecimal power = bx;
    BigDecimal factorial = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal tiny = BigDecimal.ONE.movePointLeft(wide.getPrecision());
    for (int n = 0; n < 5000; n++) {
      if (n > 0) {
        power = power.multiply(x2, wide);
        factorial = factorial.multiply(BigDecimal.valueOf(n));
      }
      BigDecimal term = power.divide(factorial.multiply(BigDecimal.valueOf(2L * n + 1)), wide);
      sum = n % 2 == 0 ? sum.add(term, wide) : sum.subtract(term, wide);
      if (n > 2 * x * x && term.abs().compareTo(tiny) < 0) {
        break;
      }
    }
    BigDecimal twoOverSqrtPi = BigDecimal.valueOf(2).divide(PI.sqrt(wide), wide);
    return sum.multiply(twoOverSqrtPi, wide).round(MC);
  }

  /** {@code erfc(x) = 1 − erf(x)}. */
  public static BigDecimal erfc(double x) {
    return BigDecimal.ONE.subtract(erf(x), MC);
  }

  /** {@code log Σ e^{s_j}} of doubles. */
  public static BigDecimal logSumExp(double[] s) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : s) {
      max = Math.max(max, v);
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (double v : s) {
      sum = sum.add(exp(of(v).subtract(of(max))), MC);
    }
    return of(max).add(log(sum), MC);
  }

  /** The softmax of doubles. */
  public static BigDecimal[] softmax(double[] s) {
    BigDecimal lse = logSumExp(s);
    BigDecimal[] p = new BigDecimal[s.length];
    for (int j = 0; j < s.length; j++) {
      p[j] = exp(of(s[j]).subtract(lse, MC));
    }
    return p;
  }

  private static BigDecimal computeLn10() {
    BigDecimal ten = BigDecimal.TEN;
    BigDecimal y = of(Math.log(10));
    for (int i = 0; i < 8; i++) {
      BigDecimal ey = exp(y);
      y = y.add(BigDecimal.valueOf(2).multiply(ten.subtract(ey), MC).divide(ten.add(ey), MC), MC);
    }
    return y;
  }
}
