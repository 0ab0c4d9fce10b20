package dev.losslab.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry, option parsing, composed losses and fused paths against the generic one. */
class LossesTest {

  @Test
  void namesAreTheContractNames() {
    assertThat(Losses.names()).containsExactly("cross-entropy", "nll", "binary-cross-entropy", "mse",
        "l2", "softmax-mse", "exp-mse", "mae", "huber", "smooth-l1", "log-cosh", "kl-divergence",
        "poisson", "hinge", "squared-hinge", "focal", "poly1", "gce", "sce", "nce-rce", "nce-mae",
        "taylor-ce", "sparsemax", "sigmoid-focal", "rescaled-mse", "cosine");
    for (String name : Losses.names()) {
      assertThat(Losses.create(name).name()).isEqualTo(name);
    }
    assertThat(Losses.divergenceNames()).containsExactly("mse", "l2", "mae", "huber", "smooth-l1",
        "log-cosh");
    assertThat(Losses.composedNames()).contains("sigmoid-mse", "softmax-l2", "leaky-relu-smooth-l1",
        "log-softmax-log-cosh").doesNotContain("softmax-mse", "exp-mse");
  }

  @Test
  void optionNamesPerLoss() {
    assertThat(Losses.optionNames("cross-entropy"))
        .containsExactly("ignoreIndex", "labelSmoothing", "weight");
    assertThat(Losses.optionNames("binary-cross-entropy")).containsExactly("posWeight", "weight");
    assertThat(Losses.optionNames("mse")).isEmpty();
    assertThat(Losses.optionNames("focal")).containsExactly("alpha", "gamma");
    assertThat(Losses.optionNames("hinge")).containsExactly("margin", "weight");
    assertThat(Losses.optionNames("kl-divergence")).containsExactly("logTarget");
    assertThat(Losses.optionNames("tanh-huber")).containsExactly("delta");
    assertThat(Losses.optionNames("poly1")).containsExactly("epsilon");
    assertThat(Losses.optionNames("gce")).containsExactly("q");
    assertThat(Losses.optionNames("sce")).containsExactly("alpha", "beta");
    assertThat(Losses.optionNames("nce-rce")).containsExactly("alpha", "beta");
    assertThat(Losses.optionNames("nce-mae")).containsExactly("alpha", "beta");
    assertThat(Losses.optionNames("taylor-ce")).containsExactly("order");
    assertThat(Losses.optionNames("sparsemax")).isEmpty();
    assertThat(Losses.optionNames("sigmoid-focal")).containsExactly("alpha", "gamma");
    assertThat(Losses.optionNames("rescaled-mse")).containsExactly("M", "k");
    assertThat(Losses.optionNames("cosine")).isEmpty();
  }

  @Test
  void newLossOptionsReachTheLoss() {
    double[] s = {2, 1, 0.1};
    Target t = Target.labels(0);
    assertThat(value(Losses.create("gce", Map.of("q", 0.3)), s, t))
        .isNotEqualTo(value(Losses.create("gce"), s, t))
        .isEqualTo(value(new GeneralizedCrossEntropy(new GeneralizedCrossEntropy.Options(0.3)), s, t));
    assertThat(value(Losses.create("taylor-ce", Map.of("order", "3")), s, t))
        .isEqualTo(value(new TaylorCrossEntropy(new TaylorCrossEntropy.Options(3)), s, t));
    assertThat(value(Losses.create("rescaled-mse", Map.of("k", 2, "M", 5)), s, t))
        .isCloseTo(2 * 9 + 1 + 0.01, offset(1e-14));
    assertThat(value(Losses.create("sigmoid-focal", Map.of("gamma", 0, "alpha", -1)), s, t))
        .isEqualTo(value(Losses.create("binary-cross-entropy"), s, t));
    assertThat(value(Losses.create("poly1", Map.of("epsilon", 0)), s, t))
        .isEqualTo(value(Losses.create("cross-entropy"), s, t));
    assertThat(value(Losses.create("sce"), s, t)).isEqualTo(
        value(new SymmetricCrossEntropy(new SymmetricCrossEntropy.Options(0.1, 1.0)), s, t));
    assertThat(value(Losses.create("nce-mae", Map.of("alpha", 0, "beta", 2)), s, t))
        .isCloseTo(2 * value(Losses.create("gce", Map.of("q", 1)), s, t), offset(1e-15));
  }

  @Test
  void optionValuesComeInEveryDocumentedForm() {
    double[] s = {2, 1, 0.1};
    Target t = Target.labels(2);
    double expected = value(Losses.create("cross-entropy", Map.of("weight", new double[] {1, 2, 3})), s, t);
    for (Object w : List.of(new int[] {1, 2, 3}, "1,2,3", "[1, 2, 3]", List.of(1, 2.0, 3L))) {
      assertThat(value(Losses.create("cross-entropy", Map.of("weight", w)), s, t)).isEqualTo(expected);
    }
    assertThat(value(Losses.create("kl-divergence", Map.of("logTarget", "true")), s,
        Target.dense(1, 3, new double[] {Math.log(0.2), Math.log(0.3), Math.log(0.5)})))
        .isCloseTo(value(Losses.create("kl-divergence"), s,
            Target.dense(1, 3, new double[] {0.2, 0.3, 0.5})), offset(1e-15));
    assertThat(value(Losses.create("HUBER", Map.of("delta", "0.5")), s, Target.dense(1, 3,
        new double[3]))).isEqualTo(value(new Huber(new Huber.Options(0.5)), s,
        Target.dense(1, 3, new double[3])));
  }

  private static double value(Loss loss, double[] s, Target t) {
    return LossEvaluation.evaluate(loss, s, 1, s.length, t, Reduction.SUM).value();
  }

  @ParameterizedTest
  @ValueSource(strings = {"softmax-mse", "exp-mse", "mse", "mae", "huber"})
  void fusedPathsAgreeWithTheGenericJacobianVectorPath(String name) {
    String unit = name.startsWith("softmax") ? "softmax" : name.startsWith("exp") ? "exp" : "identity";
    String divergence = name.contains("-") ? name.substring(name.indexOf('-') + 1) : name;
    Loss fused = Losses.create(name);
    Loss generic = Losses.compose(unit, divergence, Map.of());
    assertThat(generic).isInstanceOf(ComposedLoss.class);
    double[] s = {0.3, -1.2, 2.5, 0.7, 1.1, -0.4, 5, -3};
    Target t = Target.dense(2, 4, new double[] {0.1, 0.2, 0.3, 0.4, 0, 1, 0, 0});
    for (Reduction r : Reduction.values()) {
      LossResult a = LossEvaluation.evaluate(fused, s, 2, 4, t, r);
      LossResult b = LossEvaluation.evaluate(generic, s, 2, 4, t, r);
      assertThat(a.value()).isCloseTo(b.value(), offset(1e-12 * Math.abs(b.value())));
      for (int i = 0; i < s.length; i++) {
        assertThat(a.gradient()[i]).isCloseTo(b.gradient()[i], offset(1e-12 * (1 + Math.abs(b.gradient()[i]))));
      }
    }
  }

  @Test
  void sigmoidMseVisiblySaturates() {
    Loss loss = Losses.create("sigmoid-mse");
    assertThat(loss.name()).isEqualTo("sigmoid-mse");
    // confidently wrong: sigmoid(−40) ≈ 0 for a positive target, sigmoid(40) ≈ 1 for a negative one
    LossResult r = LossEvaluation.evaluate(loss, new double[] {-40, 40}, 1, 2,
        Target.dense(1, 2, new double[] {1, 0}), Reduction.MEAN);
    assertThat(r.value()).isCloseTo(1.0, offset(1e-15));
    assertThat(Math.abs(r.gradient(0, 0))).isLessThan(1e-16);
    // while cross-entropy keeps pushing
    LossResult bce = LossEvaluation.evaluate(Losses.create("binary-cross-entropy"),
        new double[] {-40, 40}, 1, 2, Target.dense(1, 2, new double[] {1, 0}), Reduction.MEAN);
    assertThat(bce.gradient(0, 0)).isCloseTo(-0.5, offset(1e-15));
  }

  @Test
  void composedOptionsReachTheDivergence() {
    Loss loss = Losses.create("tanh-huber", Map.of("delta", 0.1));
    LossResult r = LossEvaluation.evaluate(loss, new double[] {1}, 1, 1,
        Target.dense(1, 1, new double[] {0}), Reduction.SUM);
    double a = Math.tanh(1);
    assertThat(r.value()).isCloseTo(0.1 * (a - 0.05), offset(1e-15));
    assertThat(loss.elementwise()).isTrue();
  }

  @Test
  void aUserLossWorksWithEvaluationAndTheFloatPath() {
    Loss cube = new Loss() {
      @Override
      public String name() {
        return "cube";
      }

      @Override
      public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
        double v = 0;
        for (int j = 0; j < k; j++) {
          double d = s[so + j] - t.value(row, j);
          v += d * d * d;
          g[go + j] = 3 * d * d;
        }
        return v;
      }
    };
    LossResult r = LossEvaluation.evaluate(cube, new double[] {2, 0}, 1, 2, Target.labels(0),
        Reduction.MEAN);
    assertThat(r.value()).isEqualTo(1.0);
    assertThat(r.gradient()).containsExactly(3.0, 0.0);
    float[] g = new float[2];
    assertThat(LossEvaluation.evaluate(cube, new float[] {2, 0}, 1, 2, Target.labels(0), Reduction.SUM, g))
        .isEqualTo(1.0);
    assertThat(g).containsExactly(3f, 0f);
  }

  @Test
  void perExampleTrainingWithAReusedLabelTarget() {
    Loss loss = Losses.create("cross-entropy");
    Target t = Target.labels(new int[1]);
    double[] g = new double[3];
    t.labelArray()[0] = 2;
    double v = loss.evaluate(new double[] {1, 2, 3}, 0, 3, t, 0, g, 0);
    assertThat(v).isCloseTo(0.4076059644443803, offset(1e-15));
    t.labelArray()[0] = 0;
    assertThat(loss.evaluate(new double[] {1, 2, 3}, 0, 3, t, 0, g, 0))
        .isCloseTo(2.4076059644443803, offset(1e-15));
  }
}
