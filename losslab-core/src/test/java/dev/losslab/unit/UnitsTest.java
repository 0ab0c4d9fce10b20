package dev.losslab.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.math.BigMath;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The activations against extended-precision references (value and derivative, relative error ≤ 1e-10
 * or 1e-14 absolute near 0) at ordinary and stress inputs, and the registry.
 */
class UnitsTest {
  private static final MathContext MC = BigMath.MC;
  private static final double[] POINTS =
      {-1e4, -800, -40, -6, -1, -1e-3, 0, 1e-3, 0.5, 1, 3, 6, 40, 800, 1e4};

  /** One activation with its reference value and derivative. */
  record Reference(String name, DoubleFunction<BigDecimal> value, DoubleFunction<BigDecimal> derivative,
      double limit) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Reference> references() {
    List<Reference> refs = new ArrayList<>();
    refs.add(new Reference("identity", BigMath::of, x -> BigDecimal.ONE, 1e4));
    refs.add(new Reference("sigmoid", UnitsTest::sigmoid,
        x -> sigmoid(x).multiply(sigmoid(-x), MC), 1e4));
    refs.add(new Reference("tanh", x -> {
      BigDecimal e = BigMath.exp(2 * x);
      return e.subtract(BigDecimal.ONE).divide(e.add(BigDecimal.ONE), MC);
    }, x -> {
      BigDecimal c = BigMath.exp(x).add(BigMath.exp(-x), MC);
      return BigDecimal.valueOf(4).divide(c.multiply(c, MC), MC);
    }, 1e4));
    refs.add(new Reference("relu", x -> BigMath.of(Math.max(x, 0)),
        x -> x > 0 ? BigDecimal.ONE : BigDecimal.ZERO, 1e4));
    refs.add(new Reference("leaky-relu", x -> BigMath.of(x > 0 ? x : 0.01 * x),
        x -> x > 0 ? BigDecimal.ONE : BigMath.of(0.01), 1e4));
    refs.add(new Reference("elu", x -> x > 0 ? BigMath.of(x) : BigMath.exp(x).subtract(BigDecimal.ONE),
        x -> x > 0 ? BigDecimal.ONE : BigMath.exp(x), 1e4));
    refs.add(new Reference("softplus", x -> x > 0
        ? BigMath.of(x).add(BigMath.log1p(BigMath.exp(-x)), MC) : BigMath.log1p(BigMath.exp(x)),
        UnitsTest::sigmoid, 1e4));
    refs.add(new Reference("silu", x -> BigMath.of(x).multiply(sigmoid(x), MC),
        x -> sigmoid(x).multiply(BigDecimal.ONE.add(BigMath.of(x).multiply(sigmoid(-x), MC)), MC), 1e4));
    refs.add(new Reference("gelu", x -> BigMath.of(x).multiply(phi(x), MC),
        x -> phi(x).add(BigMath.of(x).multiply(density(x), MC), MC), 10));
    refs.add(new Reference("exp", BigMath::exp, BigMath::exp, 700));
    return refs;
  }

  static List<Object[]> cases() {
    List<Object[]> cases = new ArrayList<>();
    for (Reference r : references()) {
      for (double x : POINTS) {
        if (Math.abs(x) <= r.limit()) {
          cases.add(new Object[] {r, x});
        }
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("cases")
  void valueAndDerivativeMatchExtendedPrecision(Reference r, double x) {
    Activation a = Units.activation(r.name());
    double y = a.value(x);
    assertClose(y, r.value().apply(x).doubleValue(), r + " value at " + x);
    assertClose(a.derivative(x, y), r.derivative().apply(x).doubleValue(), r + " derivative at " + x);
  }

  @Test
  void geluBeyondTheReferenceRangeIsFiniteAndSaturated() {
    Activation gelu = Units.activation("gelu");
    assertThat(gelu.value(1e4)).isEqualTo(1e4);
    assertThat(gelu.derivative(1e4, 1e4)).isEqualTo(1.0);
    assertThat(gelu.value(-1e4)).isZero();
    assertThat(gelu.derivative(-1e4, 0)).isZero();
    assertThat(gelu.value(-800)).isZero();
  }

  @Test
  void everyActivationIsFiniteAtStressPointsExceptTrueOverflow() {
    for (String name : Units.activationNames()) {
      Activation a = Units.activation(name);
      for (double x : new double[] {-1e300, -1e4, -800, 800, 1e4, 1e300}) {
        double y = a.value(x);
        double d = a.derivative(x, y);
        if (name.equals("exp") && x > 709) {
          assertThat(y).isInfinite();
        } else {
          assertThat(y).as("%s(%s)", name, x).isFinite();
          assertThat(d).as("%s'(%s)", name, x).isFinite();
        }
        assertThat(a.value(Double.NaN)).as("%s(NaN)", name).isNaN();
      }
    }
  }

  @Test
  void registryListsTheContractNames() {
    assertThat(Units.activationNames()).containsExactly("identity", "sigmoid", "tanh", "relu",
        "leaky-relu", "elu", "softplus", "gelu", "silu", "exp");
    assertThat(Units.outputUnitNames()).startsWith("identity", "sigmoid", "softmax", "log-softmax", "exp")
        .contains("tanh", "relu", "gelu");
    assertThat(Units.outputUnit("Softmax")).isInstanceOf(Softmax.class);
    assertThat(Units.outputUnit("tanh").name()).isEqualTo("tanh");
  }

  @Test
  void unknownNamesListTheKnownOnes() {
    assertThatThrownBy(() -> Units.activation("swish"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown activation 'swish'").hasMessageContaining("silu");
    assertThatThrownBy(() -> Units.outputUnit("sparsemax"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown output unit 'sparsemax'").hasMessageContaining("log-softmax");
  }

  @Test
  void softmaxBackwardIsTheJacobianProductAndVanishesWhenSaturated() {
    OutputUnit softmax = Units.outputUnit("softmax");
    double[] s = {1000, 0, -1000};
    double[] p = new double[3];
    softmax.forward(s, 0, 3, p, 0);
    assertThat(p).containsExactly(1.0, 0.0, 0.0);
    double[] ds = new double[3];
    softmax.backward(s, 0, p, 0, 3, new double[] {0.3, -2, 5}, 0, ds, 0);
    for (double d : ds) {
      assertThat(Math.abs(d)).isEqualTo(0.0);
    }
    double[] logp = new double[2];
    Units.outputUnit("log-softmax").forward(new double[] {1e17, 1e17}, 0, 2, logp, 0);
    assertThat(logp).containsExactly(-0.6931471805599453, -0.6931471805599453);
  }

  private static void assertClose(double actual, double expected, String what) {
    double tolerance = Math.max(1e-10 * Math.abs(expected), 1e-14);
    assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected)
        .isLessThanOrEqualTo(tolerance);
  }

  private static BigDecimal sigmoid(double x) {
    return BigDecimal.ONE.divide(BigDecimal.ONE.add(BigMath.exp(-x)), MC);
  }

  private static BigDecimal phi(double x) {
    BigDecimal z = BigMath.of(x).divide(BigDecimal.valueOf(2).sqrt(MC), MC);
    return BigDecimal.ONE.add(BigMath.erf(z)).divide(BigDecimal.valueOf(2), MC);
  }

  private static BigDecimal density(double x) {
    BigDecimal twoPi = BigMath.PI.multiply(BigDecimal.valueOf(2));
    return BigMath.exp(BigMath.of(-0.5 * x * x)).divide(twoPi.sqrt(MC), MC);
  }
}
