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
    for (int y : new int[] {0, 1, 2}) {
      Target label = Target.labels(y);
      variants.add(new Variant("poly1", Map.of("epsilon", 2.0), label, poly1(2.0), false));
      variants.add(new Variant("gce", Map.of("q", 0.7), label, gce(0.7), false));
      variants.add(new Variant("gce", Map.of("q", 0.05), label, gce(0.05), false));
      variants.add(new Variant("sce", Map.of(), label, sce(0.1, 1.0), false));
      variants.add(new Variant("nce-rce", Map.of(), label, nce(1.0, 1.0, true), false));
      variants.add(new Variant("nce-mae", Map.of("alpha", 0.5, "beta", 2.0), label,
          nce(0.5, 2.0, false), false));
      variants.add(new Variant("taylor-ce", Map.of("order", 2), label, taylor(2), false));
      variants.add(new Variant("taylor-ce", Map.of("order", 7), label, taylor(7), false));
      variants.add(new Variant("sparsemax", Map.of(), label, HighPrecisionTest::sparsemax, false));
      variants.add(new Variant("rescaled-mse", Map.of("k", 15.0, "M", 30.0), label,
          rescaled(15.0, 30.0), false));
    }
    variants.add(new Variant("poly1", Map.of("epsilon", -1.0), dist, poly1(-1.0), false));
    variants.add(new Variant("sigmoid-focal", Map.of(), unit, sigmoidFocal(2.0, 0.25), false));
    variants.add(new Variant("sigmoid-focal", Map.of("gamma", 0.5, "alpha", -1.0), unit,
        sigmoidFocal(0.5, -1.0), false));
    variants.add(new Variant("sigmoid-focal", Map.of("gamma", 3.0), Target.labels(1),
        sigmoidFocal(3.0, 0.25), false));
    variants.add(new Variant("cosine", Map.of(), reals, HighPrecisionTest::cosine, false));
    variants.add(new Variant("cosine", Map.of(), dist, HighPrecisionTest::cosine, false));
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

  private static final BigDecimal RCE = BigMath.log(BigMath.of(1e-4)).negate();

  /** {@code 1 − p_y} as the sum of the other probabilities. */
  private static BigDecimal others(BigDecimal[] p, int y) {
    BigDecimal q = BigDecimal.ZERO;
    for (int j = 0; j < p.length; j++) {
      if (j != y) {
        q = q.add(p[j], MC);
      }
    }
    return q;
  }

  /** Writes {@code c·(p − e_y)}. */
  private static void scaledResidual(BigDecimal c, BigDecimal[] p, int y, BigDecimal[] g) {
    for (int j = 0; j < p.length; j++) {
      g[j] = c.multiply(j == y ? p[j].subtract(BigDecimal.ONE, MC) : p[j], MC);
    }
  }

  private static Reference poly1(double epsilon) {
    BigDecimal e = BigMath.of(epsilon);
    return (s, t, g) -> {
      BigDecimal[] p = BigMath.softmax(s);
      BigDecimal lse = BigMath.logSumExp(s);
      if (t.hasLabels()) {
        int y = t.label(0);
        scaledResidual(BigDecimal.ONE.add(e.multiply(p[y], MC), MC), p, y, g);
        return new BigDecimal[] {lse.subtract(BigMath.of(s[y]), MC)
            .add(e.multiply(others(p, y), MC), MC)};
      }
      BigDecimal ce = BigDecimal.ZERO;
      BigDecimal missed = BigDecimal.ZERO;
      BigDecimal hit = BigDecimal.ZERO;
      BigDecimal mass = BigDecimal.ZERO;
      for (int j = 0; j < s.length; j++) {
        ce = ce.add(y(t, j).multiply(lse.subtract(BigMath.of(s[j]), MC), MC), MC);
        missed = missed.add(y(t, j).multiply(others(p, j), MC), MC);
        hit = hit.add(y(t, j).multiply(p[j], MC), MC);
        mass = mass.add(y(t, j));
      }
      for (int j = 0; j < s.length; j++) {
        g[j] = mass.multiply(p[j], MC).subtract(y(t, j), MC)
            .add(e.multiply(p[j], MC).multiply(hit.subtract(y(t, j), MC), MC), MC);
      }
      return new BigDecimal[] {ce.add(e.multiply(missed, MC), MC)};
    };
  }

  private static Reference gce(double q) {
    BigDecimal bq = BigMath.of(q);
    return (s, t, g) -> {
      int y = t.label(0);
      BigDecimal[] p = BigMath.softmax(s);
      BigDecimal pq = BigMath.exp(bq.multiply(BigMath.of(s[y]).subtract(BigMath.logSumExp(s), MC), MC));
      scaledResidual(pq, p, y, g);
      return new BigDecimal[] {BigDecimal.ONE.subtract(pq, MC).divide(bq, MC)};
    };
  }

  private static Reference sce(double alpha, double beta) {
    BigDecimal a = BigMath.of(alpha);
    BigDecimal b = BigMath.of(beta).multiply(RCE, MC);
    return (s, t, g) -> {
      int y = t.label(0);
      BigDecimal[] p = BigMath.softmax(s);
      scaledResidual(a.add(b.multiply(p[y], MC), MC), p, y, g);
      BigDecimal ce = BigMath.logSumExp(s).subtract(BigMath.of(s[y]), MC);
      return new BigDecimal[] {a.multiply(ce, MC).add(b.multiply(others(p, y), MC), MC)};
    };
  }

  private static Reference nce(double alpha, double beta, boolean rce) {
    BigDecimal a = BigMath.of(alpha);
    BigDecimal c = rce ? BigMath.of(beta).multiply(RCE, MC) : BigMath.of(beta);
    return (s, t, g) -> {
      int y = t.label(0);
      int k = s.length;
      BigDecimal[] p = BigMath.softmax(s);
      BigDecimal lse = BigMath.logSumExp(s);
      BigDecimal num = lse.subtract(BigMath.of(s[y]), MC); // −log p_y
      BigDecimal den = BigDecimal.ZERO; // −Σ log p_k
      for (int j = 0; j < k; j++) {
        den = den.add(lse.subtract(BigMath.of(s[j]), MC), MC);
      }
      BigDecimal ratio = num.divide(den, MC);
      BigDecimal q = others(p, y);
      for (int j = 0; j < k; j++) {
        BigDecimal dNum = j == y ? p[j].subtract(BigDecimal.ONE, MC) : p[j];
        BigDecimal dDen = p[j].multiply(BigDecimal.valueOf(k), MC).subtract(BigDecimal.ONE, MC);
        BigDecimal dRatio = dNum.subtract(ratio.multiply(dDen, MC), MC).divide(den, MC);
        g[j] = a.multiply(dRatio, MC).add(c.multiply(p[y], MC).multiply(dNum, MC), MC);
      }
      return new BigDecimal[] {a.multiply(ratio, MC).add(c.multiply(q, MC), MC)};
    };
  }

  private static Reference taylor(int order) {
    return (s, t, g) -> {
      int y = t.label(0);
      BigDecimal[] p = BigMath.softmax(s);
      BigDecimal q = others(p, y);
      BigDecimal value = BigDecimal.ZERO;
      BigDecimal powers = BigDecimal.ZERO; // Σ_{i<t} q^i
      BigDecimal qi = BigDecimal.ONE;
      for (int i = 1; i <= order; i++) {
        powers = powers.add(qi, MC);
        qi = qi.multiply(q, MC);
        value = value.add(qi.divide(BigDecimal.valueOf(i), MC), MC);
      }
      scaledResidual(p[y].multiply(powers, MC), p, y, g);
      return new BigDecimal[] {value};
    };
  }

  /** Sparsemax loss from its definition: sorted exact scores, support, threshold, unshifted value. */
  private static BigDecimal[] sparsemax(double[] s, Target t, BigDecimal[] g) {
    int y = t.label(0);
    int k = s.length;
    double[] sorted = s.clone();
    java.util.Arrays.sort(sorted);
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal supportSum = BigDecimal.ZERO;
    int support = 0;
    for (int i = 1; i <= k; i++) {
      BigDecimal z = BigMath.of(sorted[k - i]);
      sum = sum.add(z);
      if (BigDecimal.ONE.add(z.multiply(BigDecimal.valueOf(i))).compareTo(sum) > 0) {
        support = i;
        supportSum = sum;
      }
    }
    BigDecimal tau = supportSum.subtract(BigDecimal.ONE).divide(BigDecimal.valueOf(support), MC);
    BigDecimal half = new BigDecimal("0.5");
    BigDecimal value = half.subtract(BigMath.of(s[y]));
    for (int j = 0; j < k; j++) {
      BigDecimal z = BigMath.of(s[j]).subtract(tau, MC);
      BigDecimal p = z.signum() > 0 ? z : BigDecimal.ZERO;
      if (z.signum() > 0) {
        BigDecimal sj = BigMath.of(s[j]);
        value = value.add(half.multiply(sj.multiply(sj).subtract(tau.multiply(tau, MC), MC), MC), MC);
      }
      g[j] = j == y ? p.subtract(BigDecimal.ONE) : p;
    }
    return new BigDecimal[] {value};
  }

  private static Reference rescaled(double k, double m) {
    return (s, t, g) -> {
      int y = t.label(0);
      BigDecimal value = BigDecimal.ZERO;
      for (int j = 0; j < s.length; j++) {
        BigDecimal d = BigMath.of(s[j]).subtract(j == y ? BigMath.of(m) : BigDecimal.ZERO);
        BigDecimal w = j == y ? BigMath.of(k) : BigDecimal.ONE;
        value = value.add(w.multiply(d).multiply(d));
        g[j] = w.multiply(d).multiply(BigDecimal.valueOf(2));
      }
      return new BigDecimal[] {value};
    };
  }

  private static Reference sigmoidFocal(double gamma, double alpha) {
    BigDecimal gm = BigMath.of(gamma);
    return (s, t, g) -> {
      BigDecimal value = BigDecimal.ZERO;
      for (int j = 0; j < s.length; j++) {
        BigDecimal yj = y(t, j);
        BigDecimal notY = BigDecimal.ONE.subtract(yj);
        BigDecimal p = BigDecimal.ONE.divide(BigDecimal.ONE.add(BigMath.exp(-s[j]), MC), MC);
        BigDecimal notP = BigDecimal.ONE.divide(BigDecimal.ONE.add(BigMath.exp(s[j]), MC), MC);
        BigDecimal bce = yj.multiply(softplus(-s[j]), MC).add(notY.multiply(softplus(s[j]), MC), MC);
        BigDecimal w = yj.multiply(notP, MC).add(notY.multiply(p, MC), MC); // 1 − p_t
        BigDecimal logW = BigMath.log(w);
        BigDecimal focus = BigMath.exp(gm.multiply(logW, MC));
        BigDecimal at = alpha < 0 ? BigDecimal.ONE
            : BigMath.of(alpha).multiply(yj, MC).add(BigMath.of(1 - alpha).multiply(notY, MC), MC);
        value = value.add(at.multiply(bce, MC).multiply(focus, MC), MC);
        BigDecimal residual = p.subtract(yj, MC);
        BigDecimal slope = gm.multiply(bce, MC)
            .multiply(BigDecimal.ONE.subtract(yj.multiply(BigDecimal.valueOf(2)), MC), MC)
            .multiply(BigMath.exp(gm.subtract(BigDecimal.ONE).multiply(logW, MC)), MC)
            .multiply(p, MC).multiply(notP, MC);
        g[j] = at.multiply(residual.multiply(focus, MC).add(slope, MC), MC);
      }
      return new BigDecimal[] {value};
    };
  }

  private static BigDecimal[] cosine(double[] s, Target t, BigDecimal[] g) {
    BigDecimal ss = BigDecimal.ZERO;
    BigDecimal tt = BigDecimal.ZERO;
    BigDecimal st = BigDecimal.ZERO;
    for (int j = 0; j < s.length; j++) {
      BigDecimal sj = BigMath.of(s[j]);
      ss = ss.add(sj.multiply(sj));
      tt = tt.add(y(t, j).multiply(y(t, j)));
      st = st.add(sj.multiply(y(t, j)));
    }
    BigDecimal ns = ss.sqrt(MC);
    BigDecimal nt = tt.sqrt(MC);
    BigDecimal c = st.divide(ns.multiply(nt, MC), MC);
    for (int j = 0; j < s.length; j++) {
      BigDecimal unitS = BigMath.of(s[j]).divide(ns, MC);
      BigDecimal unitT = y(t, j).divide(nt, MC);
      g[j] = c.multiply(unitS, MC).subtract(unitT, MC).divide(ns, MC);
    }
    return new BigDecimal[] {BigDecimal.ONE.subtract(c, MC)};
  }
}
