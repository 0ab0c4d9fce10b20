package dev.losslab.gradcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.loss.Loss;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Target;
import dev.losslab.unit.Activation;
import dev.losslab.unit.Units;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Analytic = numeric gradient for every built-in loss (each option variant), composed loss, output
 * unit and activation; and the checker itself catches wrong gradients and flags kinks.
 */
class GradientCheckerTest {

  /** One (loss, option variant) or unit of the standard suite. */
  record SuiteCase(String name, BuiltInSuite.Variant variant, String kind) {
    @Override
    public String toString() {
      return kind + " " + name + (variant == null ? ""
          : " " + variant.options().keySet() + " " + variant.target());
    }
  }

  static List<SuiteCase> suiteCases() {
    List<SuiteCase> cases = new ArrayList<>();
    for (String name : Losses.names()) {
      for (BuiltInSuite.Variant v : BuiltInSuite.variants(name)) {
        cases.add(new SuiteCase(name, v, "loss"));
      }
    }
    for (String name : Losses.composedNames()) {
      for (BuiltInSuite.Variant v : BuiltInSuite.variants(name)) {
        cases.add(new SuiteCase(name, v, "composed"));
      }
    }
    for (String name : Units.outputUnitNames()) {
      cases.add(new SuiteCase(name, null, "output unit"));
    }
    for (String name : Units.activationNames()) {
      cases.add(new SuiteCase(name, null, "activation"));
    }
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suiteCases")
  void analyticEqualsNumericAtRandomAndStressPoints(SuiteCase c) {
    List<GradientCheck> checks = switch (c.kind()) {
      case "output unit" -> BuiltInSuite.outputUnit(Units.outputUnit(c.name()));
      case "activation" -> BuiltInSuite.activation(Units.activation(c.name()));
      default -> BuiltInSuite.loss(c.name(), c.variant());
    };
    assertThat(checks).hasSizeGreaterThanOrEqualTo(10);
    assertThat(checks).filteredOn(check -> !check.passed()).isEmpty();
  }

  @Test
  void checkBuiltInRunsEveryVariantOfAName() {
    assertThat(GradientChecker.checkBuiltIn("cross-entropy"))
        .hasSize(BuiltInSuite.variants("cross-entropy").size() * 15)
        .allSatisfy(c -> assertThat(c.passed()).isTrue());
    assertThat(GradientChecker.checkBuiltIn("sigmoid")).extracting(GradientCheck::subject)
        .contains("activation sigmoid", "output unit sigmoid");
    assertThat(GradientChecker.allPassed(GradientChecker.checkBuiltIn("mae"))).isTrue();
  }

  @Test
  void builtInNamesCoverEveryLossAndUnit() {
    assertThat(GradientChecker.builtInNames()).containsAll(Losses.names())
        .containsAll(Losses.composedNames()).containsAll(Units.outputUnitNames())
        .containsAll(Units.activationNames()).doesNotHaveDuplicates();
  }

  /** Squared error whose gradient is off by a factor: the kind of bug the checker exists for. */
  private static Loss wrong(double factor) {
    return new Loss() {
      @Override
      public String name() {
        return "wrong";
      }

      @Override
      public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
        double v = 0;
        for (int j = 0; j < k; j++) {
          double d = s[so + j] - t.value(row, j);
          v += d * d;
          g[go + j] = 2 * factor * d;
        }
        return v;
      }
    };
  }

  @Test
  void aWrongGradientFailsAndARightOnePasses() {
    Target t = Target.dense(1, 3, new double[] {0.5, -1, 2});
    List<GradientCheck> bad = GradientChecker.checkRandom(wrong(1.001), 3, t, 5, 1);
    assertThat(bad).allSatisfy(c -> assertThat(c.passed()).isFalse());
    assertThat(bad.get(0).maxRelativeError()).isCloseTo(1e-3, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(bad.get(0).message()).contains("coordinate", "analytic", "numeric");
    assertThat(GradientChecker.checkRandom(wrong(1.0), 3, t, 5, 1))
        .allSatisfy(c -> assertThat(c.passed()).isTrue());
  }

  @Test
  void kinksAreFlaggedNotFailed() {
    Loss mae = Losses.create("mae");
    Target t = Target.dense(1, 2, new double[] {0.5, 1});
    GradientCheck atKink = GradientChecker.check(mae, new double[] {0.5, 3}, t, 0, "s = y");
    assertThat(atKink.kink()).isTrue();
    assertThat(atKink.passed()).isTrue();
    GradientCheck smooth = GradientChecker.check(mae, new double[] {0.7, 3}, t, 0, "s != y");
    assertThat(smooth.kink()).isFalse();
    assertThat(smooth.passed()).isTrue();
    GradientCheck relu = GradientChecker.check(Units.activation("relu"), 0.0);
    assertThat(relu.kink()).isTrue();
    assertThat(relu.passed()).isTrue();
    GradientCheck hinge = GradientChecker.check(Losses.create("hinge"), new double[] {2, 1, -5},
        Target.labels(0), 0, "at the margin");
    assertThat(hinge.kink()).isTrue();
    assertThat(hinge.passed()).isTrue();
  }

  @Test
  void aGradientOutsideTheSubgradientRangeFailsAtAKink() {
    Activation badRelu = new Activation() {
      @Override
      public String name() {
        return "bad-relu";
      }

      @Override
      public double value(double x) {
        return Math.max(x, 0);
      }

      @Override
      public double derivative(double x, double y) {
        return x >= 0 ? 2 : 0;
      }
    };
    GradientCheck c = GradientChecker.check(badRelu, 0.0);
    assertThat(c.kink()).isTrue();
    assertThat(c.passed()).isFalse();
    assertThat(c.message()).contains("kink");
  }

  @Test
  void userActivationsAndUnitsAreCheckedAtRandomPoints() {
    Activation square = new Activation() {
      @Override
      public String name() {
        return "square";
      }

      @Override
      public double value(double x) {
        return x * x;
      }

      @Override
      public double derivative(double x, double y) {
        return 2 * x;
      }
    };
    assertThat(GradientChecker.checkRandom(square, 10, 3)).hasSize(10)
        .allSatisfy(c -> assertThat(c.passed()).isTrue());
    assertThat(GradientChecker.checkRandom(Units.outputUnit("softmax"), 7, 10, 3)).hasSize(10)
        .allSatisfy(c -> assertThat(c.passed()).isTrue());
  }

  @Test
  void nonFiniteValuesFail() {
    GradientCheck c = GradientChecker.check("nan", "x", new double[] {1}, (x, g) -> {
      if (g != null) {
        g[0] = 0;
      }
      return Double.NaN;
    });
    assertThat(c.passed()).isFalse();
    assertThat(c.message()).contains("NaN");
  }

  @Test
  void aProvidedLossIsCheckedOnEveryTargetKindItsValidateAccepts() {
    List<GradientCheck> checks = GradientChecker.checkBuiltIn("test-scaled-mse");
    assertThat(checks).hasSize(4 * 15).allSatisfy(c -> assertThat(c.passed()).as(c.toString()).isTrue());
    assertThat(checks).extracting(GradientCheck::subject).containsOnly(
        "test-scaled-mse [labels target]", "test-scaled-mse [distribution target]",
        "test-scaled-mse [unit-interval target]", "test-scaled-mse [real target]");
    assertThat(checks).extracting(GradientCheck::point).contains("random 0", "stress [10000.0, -10000.0,"
        + " 0.0, 5000.0, -5000.0]");
    assertThat(GradientChecker.checkBuiltIn("test-labels-only")).hasSize(15)
        .allSatisfy(c -> assertThat(c.passed()).as(c.toString()).isTrue())
        .extracting(GradientCheck::subject).containsOnly("test-labels-only [labels target]");
  }

  @Test
  void aWrongProvidedGradientFails() {
    List<GradientCheck> checks = GradientChecker.checkBuiltIn("test-wrong-gradient");
    assertThat(checks).hasSize(4 * 15);
    assertThat(checks).filteredOn(c -> !c.passed()).hasSizeGreaterThan(40)
        .allSatisfy(c -> assertThat(c.message()).contains("analytic"));
  }

  @Test
  void aProvidedLossThatTakesNoTargetOrFailsToBuildIsOneLine() {
    assertThatThrownBy(() -> GradientChecker.checkBuiltIn("test-no-target"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("loss 'test-no-target' accepts none of the targets the checker tries for 5 scores"
            + " (labels: test-no-target takes no target; distribution: test-no-target takes no target;"
            + " unit-interval: test-no-target takes no target; real: test-no-target takes no target)");
    assertThatThrownBy(() -> GradientChecker.checkBuiltIn("test-throws"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("loss 'test-throws' (provider dev.losslab.loss.TestLossProvider) failed: ");
  }

  @Test
  void unknownNamesAreRejected() {
    assertThatThrownBy(() -> GradientChecker.checkBuiltIn("nope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown loss 'nope'");
  }
}
