package dev.losslab.loss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.math.BigMath;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Value and gradient of the losses with transcendental parts against closed forms evaluated in
 * 120-digit {@link BigDecimal} arithmetic, at ordinary and stress scores (±40, ±800, ±1e4, ties):
 * relative error ≤ 1e-10, or absolute ≤ 1e-14 for components near zero.
 */
class HighPrecisionTest {
  private static final MathContext MC = BigMath.MC;
  private static final double[][] ROWS = {
      {0.3, -1.2, 2.5, 0}, {40, -40, 0, 20}, {-40, 40, 39.5, -39}, {800, -800, 0, 1},
      {-800, 0, 800, 799}, {1e4, -1e4, 0, 5e3}, {7, 7, 7, 7}, {1e4, 1e4, 1e4, 1e4},
      {-1e4, -1e4, -1e4, -1e4}, {1e-9, -1e-9, 0, 3e-9}};

  /** A loss variant with its high-precision reference. */
  record Variant(String loss, Map<String, Object> options, Target target, Reference reference,
      boolean expFamily) {
    @Override
    public String toString() {
      return loss + (options.isEmpty() ? "" : " " + options) + (target.hasLabels()
          ? " label " + target.label(0) : " dense");
    }
  }

  /** Value and gradient in extended precision. */
  interface Reference {
    BigDecimal[] apply(double[] s, Target t, BigDecimal[] gradient);
  }

  static List<Object[]> cases() {
    Target dist = Target.dense(1, 4, new double[] {0.1, 0, 0.6, 0.3});
    Target reals = Target.dense(1, 4, new double[] {0.25, 1, -0.5, 3});
    Target unit = Target.dense(1, 4, new double[] {0.3, 1, 0, 0.75});
    Target counts = Target.dense(1, 4, new double[] {2.5, 0, 1, 3});
    List<Variant> variants = new ArrayList<>();
    for (int y : new int[] {0, 1}) {
      Target label = Target.labels(y);
      variants.add(new Variant("cross-entropy", Map.of(), label, HighPrecisionTest::crossEntropy, false));
      variants.add(new Variant("focal", Map.of("gamma", 2.0), label, focal(2.0), false));
      variants.add(new Variant("focal", Map.of("gamma", 0.5, "alpha", 0.25), label, focal(0.5), false));
      variants.add(new Variant("softmax-mse", Map.of(), label, HighPrecisionTest::softmaxSquared, false));
    }
    for (String name : new String[] {"hinge", "squared-hinge"}) {
      variants.add(new Variant(name, Map.of("margin", 1.5), Target.labels(2), margin(name), false));
    }
    variants.add(new Variant("sigmoid-mse", Map.of(), unit, HighPrecisionTest::sigmoidSquared, false));
    variants.add(new Variant("softmax-l2", Map.of(), dist, HighPrecisionTest::softmaxHalfSquared, false));
    variants.add(new Variant("mse", Map.of(), reals, HighPrecisionTest::squared, false));
    variants.add(new Variant("huber", Map.of("delta", 1.0), reals, HighPrecisionTest::huber, false));
    variants.add(new Variant("cross-entropy", Map.of(), dist, HighPrecisionTest::crossEntropy, false));
    variants.add(new Variant("kl-divergence", Map.of(), dist, HighPrecisionTest::kl, false));
    variants.add(new Variant("softmax-mse", Map.of(), dist, HighPrecisionTest::softmaxSquared, false));
    variants.add(new Variant("binary-cross-entropy", Map.of(), unit, HighPrecisionTest::bce, false));
    variants.add(new Variant("log-cosh", Map.of(), reals, HighPrecisionTest::logCosh, false));
    variants.add(new Variant("exp-mse", Map.of(), reals, HighPrecisionTest::expSquared, true));
    variants.add(new Variant("exp-mse", Map.of(), Target.labels(2), HighPrecisionTest::expSquared, true));
    variants.add(new Variant("poisson", Map.of(), counts, HighPrecisionTest::poisson, true));
    List<Object[]> cases = new ArrayList<>();
    for (Variant v : variants) {
      for (double[] row : ROWS) {
        boolean overflows = false;
        for (double x : row) {
          overflows |= x > 300;
        }
        if (!(v.expFamily() && overflows)) {
          cases.add(new Object[] {v, row});
        }
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("cases")
  void valueAndGradientMatchExtendedPrecision(Variant v, double[] s) {
    Loss loss = Losses.create(v.loss(), v.options());
    double[] g = new double[s.length];
    double value = loss.evaluate(s, 0, s.length, v.target(), 0, g, 0);
    BigDecimal[] expectedGradient = new BigDecimal[s.length];
    BigDecimal expected = v.reference().apply(s, v.target(), expectedGradient)[0];
    assertClose(value, expected.doubleValue(), "value");
    for (int j = 0; j < s.length; j++) {
      assertClose(g[j], expectedGradient[j].doubleValue(), "gradient " + j);
    }
  }

  private static void assertClose(double actual, double expected, String what) {
    double tolerance = Math.max(1e-10 * Math.abs(expected), 1e-14);
    assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected)
        .isLessThanOrEqualTo(tolerance);
  }

  private static BigDecimal y(Target t, int j) {
    return BigMath.of(t.value(0, j));
  }

  private static BigDecimal[] crossEntropy(double[] s, Target t, BigDecimal[] g) {
    BigDecimal lse = BigMath.logSumExp(s);
    BigDecimal[] p = BigMath.softmax(s);
    BigDecimal value = BigDecimal.ZERO;
    BigDecimal mass = BigDecimal.ZERO;
    for (int j = 0; j < s.length; j++) {
      value = value.add(y(t, j).multiply(lse.subtract(BigMath.of(s[j])), MC), MC);
      mass = mass.add(y(t, j));
    }
    for (int j = 0; j < s.length; j++) {
      g[j] = p[j].multiply(mass, MC).subtract(y(t, j), MC);
    }
    return new BigDecimal[] {value};
  }

  private static BigDecimal[] kl(double[] s, Target t, BigDecimal[] g) {
    BigDecimal[] ce = crossEntropy(s, t, g);
    BigDecimal entropy = BigDecimal.ZERO;
    for (int j = 0; j < s.length; j++) {
      if (t.value(0, j) > 0) {
        entropy = entropy.add(y(t, j).multiply(BigMath.log(y(t, j)), MC), MC);
      }
    }
    return new BigDecimal[] {ce[0].add(entropy, MC)};
  }

  private static Reference focal(double gamma) {
    return (s, t, g) -> {
      int y = t.label(0);
      double alpha = gamma == 2.0 ? 1.0 : 0.25;
      BigDecimal a = BigMath.of(alpha);
      BigDecimal gm = BigMath.of(gamma);
      BigDecimal[] p = BigMath.softmax(s);
      BigDecimal logP = BigMath.of(s[y]).subtract(BigMath.logSumExp(s), MC);
      BigDecimal q = BigDecimal.ZERO;
      for (int j = 0; j < s.length; j++) {
        if (j != y) {
          q = q.add(p[j], MC);
        }
      }
      BigDecimal logQ = BigMath.log(q);
      BigDecimal qg = BigMath.exp(gm.multiply(logQ, MC));
      BigDecimal qg1 = BigMath.exp(gm.subtract(BigDecimal.ONE).multiply(logQ, MC));
      BigDecimal c = qg.subtract(gm.multiply(qg1, MC).multiply(p[y], MC).multiply(logP, MC), MC);
      for (int j = 0; j < s.length; j++) {
        BigDecimal d = j == y ? p[j].subtract(BigDecimal.ONE) : p[j];
        g[j] = a.multiply(c, MC).multiply(d, MC);
      }
      return new BigDecimal[] {a.multiply(qg, MC).multiply(logP, MC).negate()};
    };
  }

  private static BigDecimal[] softmaxSquared(double[] s, Target t, BigDecimal[] g) {
    BigDecimal[] p = BigMath.softmax(s);
    BigDecimal value = BigDecimal.ZERO;
    BigDecimal dot = BigDecimal.ZERO;
    for (int j = 0; j < s.length; j++) {
      BigDecimal d = p[j].subtract(y(t, j), MC);
      value = value.add(d.multiply(d, MC), MC);
      dot = dot.add(p[j].multiply(d, MC), MC);
    }
    for (int j = 0; j < s.length; j++) {
      BigDecimal d = p[j].subtract(y(t, j), MC);
      g[j] = BigDecimal.valueOf(2).multiply(p[j], MC).multiply(d.subtract(dot, MC), MC);
    }
    return new BigDecimal[] {value};
  }

  private static BigDecimal softplus(double x) {
    return x > 0 ? BigMath.of(x).add(BigMath.log1p(BigMath.exp(-x)), MC)
        : BigMath.log1p(BigMath.exp(x));
  }

  private static BigDecimal[] bce(double[] s, Target t, BigDecimal[] g) {
    BigDecimal value = BigDecimal.ZERO;
    for (int j = 0; j < s.length; j++) {
      BigDecimal yj = y(t, j);
      value = value.add(yj.multiply(softplus(-s[j]), MC)
          .add(BigDecimal.ONE.subtract(yj).multiply(softplus(s[j]), MC), MC), MC);
      BigDecimal sigmoid = BigDecimal.ONE.divide(BigDecimal.ONE.add(BigMath.exp(-s[j]), MC), MC);
      g[j] = sigmoid.subtract(yj, MC);
    }
    return new BigDecimal[] {value};
  }

  private static BigDecimal[] logCosh(double[] s, Target t, BigDecimal[] g) {
    BigDecimal value = BigDecimal.ZERO;
    for (int j = 0; j < s.length; j++) {
      BigDecimal x = BigMath.of(s[j]).subtract(y(t, j), MC);
      BigDecimal ax = x.abs();
      BigDecimal e = BigMath.exp(ax.multiply(BigDecimal.valueOf(-2), MC));
      value = value.add(ax.add(BigMath.log1p(e), MC).subtract(BigMath.log(BigDecimal.valueOf(2)), MC), MC);
      BigDecimal tanh = BigDecimal.ONE.subtract(e, MC).divide(BigDecimal.ONE.add(e, MC), MC);
      g[j] = x.signum() < 0 ? tanh.negate() : tanh;
    }
    return new BigDecimal[] {value};
  }

  private static BigDecimal[] expSquared(double[] s, Target t, BigDecimal[] g) {
    BigDecimal value = BigDecimal.ZERO;
    for (int j = 0; j < s.length; j++) {
      BigDecimal e = BigMath.exp(s[j]);
      BigDecimal d = e.subtract(y(t, j), MC);
      value = value.add(d.multiply(d, MC), MC);
      g[j] = BigDecimal.valueOf(2).multiply(d, MC).multiply(e, MC);
    }
    return new BigDecimal[] {value};
  }

  private static Reference margin(String name) {
    int p = name.equals("hinge") ? 1 : 2;
    return (s, t, g) -> {
      int y = t.label(0);
      BigDecimal c = BigDecimal.ONE.divide(BigDecimal.valueOf(s.length), MC);
      BigDecimal value = BigDecimal.ZERO;
      BigDecimal gy = BigDecimal.ZERO;
      for (int i = 0; i < s.length; i++) {
        g[i] = BigDecimal.ZERO;
        if (i == y) {
          continue;
        }
        BigDecimal z = BigMath.of(1.5).subtract(BigMath.of(s[y])).add(BigMath.of(s[i]));
        if (z.signum() > 0) {
          value = value.add(p == 1 ? z : z.multiply(z, MC), MC);
          g[i] = c.multiply(p == 1 ? BigDecimal.ONE : z.multiply(BigDecimal.valueOf(2)), MC);
          gy = gy.subtract(g[i], MC);
        }
      }
      g[y] = gy;
      return new BigDecimal[] {c.multiply(value, MC)};
    };
  }

  private static BigDecimal[] sigmoidSquared(double[] s, Target t, BigDecimal[] g) {
    BigDecimal value = BigDecimal.ZERO;
    for (int j = 0; j < s.length; j++) {
      BigDecimal a = BigDecimal.ONE.divide(BigDecimal.ONE.add(BigMath.exp(-s[j]), MC), MC);
      BigDecimal b = BigDecimal.ONE.divide(BigDecimal.ONE.add(BigMath.exp(s[j]), MC), MC);
      BigDecimal d = a.subtract(y(t, j), MC);
      value = value.add(d.multiply(d, MC), MC);
      g[j] = BigDecimal.valueOf(2).multiply(d, MC).multiply(a, MC).multiply(b, MC);
    }
    return new BigDecimal[] {value};
  }

  private static BigDecimal[] softmaxHalfSquared(double[] s, Target t, BigDecimal[] g) {
    BigDecimal[] v = softmaxSquared(s, t, g);
    for (int j = 0; j < s.length; j++) {
      g[j] = g[j].divide(BigDecimal.valueOf(2), MC);
    }
    return new BigDecimal[] {v[0].divide(BigDecimal.valueOf(2), MC)};
  }

  private static BigDecimal[] squared(double[] s, Target t, BigDecimal[] g) {
    BigDecimal value = BigDecimal.ZERO;
    for (int j = 0; j < s.length; j++) {
      BigDecimal d = BigMath.of(s[j]).subtract(y(t, j));
      value = value.add(d.multiply(d, MC), MC);
      g[j] = d.multiply(BigDecimal.valueOf(2));
    }
    return new BigDecimal[] {value};
  }

  private static BigDecimal[] huber(double[] s, Target t, BigDecimal[] g) {
    BigDecimal value = BigDecimal.ZERO;
    BigDecimal half = new BigDecimal("0.5");
    for (int j = 0; j < s.length; j++) {
      BigDecimal d = BigMath.of(s[j]).subtract(y(t, j));
      if (d.abs().compareTo(BigDecimal.ONE) < 0) {
        value = value.add(half.multiply(d).multiply(d), MC);
        g[j] = d;
      } else {
        value = value.add(d.abs().subtract(half), MC);
        g[j] = BigDecimal.valueOf(d.signum());
      }
    }
    return new BigDecimal[] {value};
  }

  private static BigDecimal[] poisson(double[] s, Target t, BigDecimal[] g) {
    BigDecimal value = BigDecimal.ZERO;
    for (int j = 0; j < s.length; j++) {
      BigDecimal e = BigMath.exp(s[j]);
      value = value.add(e.subtract(y(t, j).multiply(BigMath.of(s[j]), MC), MC), MC);
      g[j] = e.subtract(y(t, j), MC);
    }
    return new BigDecimal[] {value};
  }
}
