package com.example.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.losslab.gradcheck.GradientCheck;
import dev.losslab.gradcheck.GradientChecker;
import dev.losslab.loss.Loss;
import dev.losslab.loss.LossEvaluation;
import dev.losslab.loss.LossResult;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Reduction;
import dev.losslab.loss.Target;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Charbonnier loss: found through its provider, its gradient checked against central differences
 * at random and stress points, and its value and gradient against the closed form evaluated in
 * 120-digit decimal arithmetic.
 */
class CharbonnierTest {
  private static final MathContext DIGITS = new MathContext(120);

  @Test
  void theProviderIsFoundByName() {
    assertTrue(Losses.providedNames().contains("charbonnier"), Losses.providedNames().toString());
    Loss loss = Losses.create("charbonnier", Map.of("epsilon", "0.25"));
    assertInstanceOf(Charbonnier.class, loss);
    assertEquals(0.25, ((Charbonnier) loss).epsilon());
    assertEquals(0.5, ((Charbonnier) Losses.create("charbonnier", Map.of("epsilon", 0.5))).epsilon());
    assertEquals(Charbonnier.DEFAULT_EPSILON, ((Charbonnier) Losses.create("charbonnier")).epsilon());
    assertEquals(List.of("epsilon"), List.copyOf(Losses.optionNames("charbonnier")));
  }

  @Test
  void badOptionsAreOneLineNamingTheLossTheProviderAndTheValue() {
    String prefix = "loss 'charbonnier' (provider com.example.losses.CustomLosses) failed: ";
    assertEquals(prefix + "epsilon (-1.0) must be > 0 and finite", assertThrows(
        IllegalArgumentException.class,
        () -> Losses.create("charbonnier", Map.of("epsilon", "-1"))).getMessage());
    assertEquals(prefix + "epsilon (abc) must be a number", assertThrows(IllegalArgumentException.class,
        () -> Losses.create("charbonnier", Map.of("epsilon", "abc"))).getMessage());
    assertEquals(prefix + "unknown option 'delta' (known: epsilon)", assertThrows(
        IllegalArgumentException.class, () -> Losses.create("charbonnier", Map.of("delta", 1)))
        .getMessage());
  }

  @Test
  void theStandardSuitePassesOnEveryTargetKind() {
    List<GradientCheck> checks = GradientChecker.checkBuiltIn("charbonnier");
    assertEquals(4 * 15, checks.size()); // labels, distribution, unit-interval and real targets
    for (GradientCheck c : checks) {
      assertTrue(c.passed(), c::toString);
      assertFalse(c.kink(), c::toString); // smooth everywhere, even at s = y
    }
  }

  // ε well above the checker's step (1e-6): within ε of the target the curvature is 1/ε
  @ParameterizedTest(name = "epsilon = {0}")
  @ValueSource(doubles = {1e-3, 0.5, 1, 30})
  void analyticEqualsNumericAtRandomAndStressPoints(double epsilon) {
    Loss loss = new Charbonnier(epsilon);
    Target real = Target.dense(1, 4, new double[] {0.5, -2, 0, 1e3});
    List<GradientCheck> checks = new ArrayList<>(GradientChecker.checkRandom(loss, 4, real, 25, 7));
    checks.addAll(GradientChecker.checkRandom(loss, 4, Target.labels(2), 25, 8));
    for (double b : new double[] {40, 800, 1e4, 1e7}) {
      checks.add(GradientChecker.check(loss, new double[] {b, -b, 0, b / 2}, real, 0, "stress " + b));
      checks.add(GradientChecker.check(loss, new double[] {b, b, b, b}, real, 0, "tie " + b));
    }
    checks.add(GradientChecker.check(loss, new double[] {0.5 + epsilon / 3, -2, 1e-9, 1e3 - epsilon},
        real, 0, "within epsilon of the target"));
    for (GradientCheck c : checks) {
      assertTrue(c.passed(), c::toString);
    }
  }

  @Test
  void valueAndGradientMatchTheClosedForm() {
    double[] epsilons = {1e-6, 1e-3, 0.5, 2, 100};
    double[] differences = {0, 1e-12, -3e-7, 1e-4, -0.37, 1, 2.5, -40, 1e4, -1e200};
    for (double epsilon : epsilons) {
      Loss loss = new Charbonnier(epsilon);
      for (double d : differences) {
        double y = 0.75;
        double s = y + d;
        double[] g = new double[1];
        double value = loss.evaluate(new double[] {s}, 0, 1, Target.dense(1, 1, new double[] {y}), 0, g, 0);
        BigDecimal exactD = new BigDecimal(s).subtract(new BigDecimal(y));
        BigDecimal root = exactD.pow(2).add(new BigDecimal(epsilon).pow(2)).sqrt(DIGITS);
        double expectedValue = root.subtract(new BigDecimal(epsilon)).doubleValue();
        double expectedGradient = exactD.divide(root, DIGITS).doubleValue();
        String at = "epsilon " + epsilon + ", d " + d;
        assertEquals(expectedValue, value, 4 * Math.ulp(expectedValue) + 1e-100, at);
        assertEquals(expectedGradient, g[0], 4 * Math.ulp(expectedGradient) + Double.MIN_VALUE, at);
      }
    }
  }

  @Test
  void theNaiveFormulaLosesWhatTheStableOneKeeps() {
    // √(d² + ε²) − ε for d = 1e-9, ε = 1: the naive sum rounds d² away entirely
    double naive = Math.sqrt(1e-18 + 1) - 1;
    double stable = new Charbonnier(1).evaluate(new double[] {1e-9}, 0, 1, Target.dense(1, 1,
        new double[] {0}), 0, new double[1], 0);
    assertEquals(0.0, naive);
    assertEquals(5e-19, stable, 1e-33);
  }

  @Test
  void meanDividesByEveryElementAndLabelsAreOneHotRows() {
    Loss loss = new Charbonnier(0.5);
    double[][] scores = {{1.5, -0.5, 0.25}, {0, 2, -3}};
    LossResult labels = LossEvaluation.evaluate(loss, scores, Target.labels(0, 1), Reduction.MEAN);
    LossResult dense = LossEvaluation.evaluate(loss, scores,
        Target.dense(new double[][] {{1, 0, 0}, {0, 1, 0}}), Reduction.MEAN);
    double sum = 0;
    double[] d = {0.5, -0.5, 0.25, 0, 1, -3};
    for (double x : d) {
      sum += Math.sqrt(x * x + 0.25) - 0.5;
    }
    assertEquals(sum / 6, labels.value(), 1e-15);
    assertEquals(labels.value(), dense.value());
    for (int i = 0; i < d.length; i++) {
      assertEquals(d[i] / Math.sqrt(d[i] * d[i] + 0.25) / 6, labels.gradient()[i], 1e-15);
    }
  }

  @ParameterizedTest(name = "epsilon = {0}")
  @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void epsilonMustBePositiveAndFinite(double epsilon) {
    assertEquals("epsilon (" + epsilon + ") must be > 0 and finite",
        assertThrows(IllegalArgumentException.class, () -> new Charbonnier(epsilon)).getMessage());
  }
}
