package dev.losslab.loss;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input is an IllegalArgumentException that names the argument and the value. */
class BadInputTest {

  /** A bad call and the fragments its message must contain. */
  record Bad(String label, ThrowingCallable call, String... fragments) {
    @Override
    public String toString() {
      return label;
    }
  }

  private static LossResult eval(String loss, Map<String, ?> options, double[][] s, Target t) {
    return LossEvaluation.evaluate(Losses.create(loss, options), s, t, Reduction.MEAN);
  }

  static List<Bad> cases() {
    double[][] s = {{1, 2, 3}, {0, 1, 2}};
    return List.of(
        new Bad("unknown loss", () -> Losses.create("crossentropy"), "unknown loss 'crossentropy'",
            "cross-entropy", "focal", "<unit>-<divergence>"),
        new Bad("unknown option", () -> Losses.create("mse", Map.of("delta", 1)),
            "unknown option 'delta' for loss 'mse'", "takes no options"),
        new Bad("reduction as an option", () -> Losses.create("mse", Map.of("reduction", "sum")),
            "reduction is not an option of loss 'mse'", "LossEvaluation.evaluate"),
        new Bad("option of another loss", () -> Losses.create("huber", Map.of("beta", 1)),
            "unknown option 'beta' for loss 'huber'", "known: delta"),
        new Bad("delta <= 0", () -> Losses.create("huber", Map.of("delta", -1.0)), "delta (-1.0)",
            "> 0"),
        new Bad("delta = 0", () -> Losses.create("huber", Map.of("delta", "0")), "delta (0.0)"),
        new Bad("beta < 0", () -> Losses.create("smooth-l1", Map.of("beta", -0.5)), "beta (-0.5)"),
        new Bad("labelSmoothing > 1", () -> Losses.create("cross-entropy", Map.of("labelSmoothing", 1.5)),
            "labelSmoothing (1.5)", "[0.0, 1.0]"),
        new Bad("gamma < 0", () -> Losses.create("focal", Map.of("gamma", -1)), "gamma (-1.0)"),
        new Bad("alpha NaN", () -> Losses.create("focal", Map.of("alpha", Double.NaN)), "alpha (NaN)"),
        new Bad("q > 1", () -> Losses.create("gce", Map.of("q", 1.5)), "q (1.5) must be in (0, 1]"),
        new Bad("q = 0", () -> Losses.create("gce", Map.of("q", 0)), "q (0.0) must be in (0, 1]"),
        new Bad("q NaN", () -> Losses.create("gce", Map.of("q", Double.NaN)), "q (NaN)"),
        new Bad("epsilon infinite", () -> Losses.create("poly1", Map.of("epsilon", "Infinity")),
            "epsilon (Infinity) must be finite"),
        new Bad("order 0", () -> Losses.create("taylor-ce", Map.of("order", 0)),
            "order (0) must be an integer >= 1"),
        new Bad("order not an integer", () -> Losses.create("taylor-ce", Map.of("order", 2.5)),
            "order (2.5) must be an integer"),
        new Bad("sigmoid-focal gamma < 0", () -> Losses.create("sigmoid-focal", Map.of("gamma", -0.5)),
            "gamma (-0.5)", ">= 0"),
        new Bad("sigmoid-focal alpha > 1", () -> Losses.create("sigmoid-focal", Map.of("alpha", 1.5)),
            "alpha (1.5) must be finite and <= 1", "negative alpha turns the weighting off"),
        new Bad("rescaled-mse k = 0", () -> Losses.create("rescaled-mse", Map.of("k", 0)),
            "k (0.0) must be > 0"),
        new Bad("rescaled-mse M < 0", () -> Losses.create("rescaled-mse", Map.of("M", -1)),
            "M (-1.0) must be > 0"),
        new Bad("sce alpha < 0", () -> Losses.create("sce", Map.of("alpha", -0.1)), "alpha (-0.1)",
            ">= 0"),
        new Bad("nce-rce beta < 0", () -> Losses.create("nce-rce", Map.of("beta", -1)), "beta (-1.0)",
            ">= 0"),
        new Bad("nce-mae alpha < 0", () -> Losses.create("nce-mae", Map.of("alpha", -2)),
            "alpha (-2.0)"),
        new Bad("rescaled-mse option m (it is M)", () -> Losses.create("rescaled-mse",
            Map.of("m", 2)), "unknown option 'm' for loss 'rescaled-mse'", "known: M, k"),
        new Bad("dense target for gce", () -> eval("gce", Map.of(), new double[][] {{1, 2}},
            Target.dense(1, 2, new double[] {0, 1})), "gce needs labels"),
        new Bad("dense target for sparsemax", () -> eval("sparsemax", Map.of(), new double[][] {{1, 2}},
            Target.dense(1, 2, new double[] {0, 1})), "sparsemax needs labels"),
        new Bad("label out of range for rescaled-mse", () -> eval("rescaled-mse", Map.of(), s,
            Target.labels(0, 3)), "label 3 of example 1 is out of range [0, 3)"),
        new Bad("labels for cosine", () -> eval("cosine", Map.of(), s, Target.labels(0, 1)),
            "cosine needs a dense target"),
        new Bad("zero target row for cosine", () -> eval("cosine", Map.of(), s,
            Target.dense(2, 3, new double[] {1, 0, 0, 0, 0, 0})), "target of example 1 is a zero row"),
        new Bad("NaN target for cosine", () -> eval("cosine", Map.of(), new double[][] {{1, 2}},
            Target.dense(1, 2, new double[] {Double.NaN, 1})), "class 0 is NaN, must be finite"),
        new Bad("sigmoid-focal target above 1", () -> eval("sigmoid-focal", Map.of(),
            new double[][] {{1, 2}}, Target.dense(1, 2, new double[] {0, 1.25})),
            "target of example 0, class 1 is 1.25", "[0, 1]"),
        new Bad("poly1 target not a distribution", () -> eval("poly1", Map.of(),
            new double[][] {{1, 2}}, Target.dense(1, 2, new double[] {0.5, 0.7})),
            "target of example 0 sums to 1.2"),
        new Bad("margin < 0", () -> Losses.create("hinge", Map.of("margin", -1)), "margin (-1.0)"),
        new Bad("negative weight", () -> Losses.create("cross-entropy", Map.of("weight", "1,-2,3")),
            "weight entry 1 (-2.0)"),
        new Bad("weight not a number", () -> Losses.create("nll", Map.of("weight", "1,x,3")),
            "weight entry 1 (x)"),
        new Bad("delta not a number", () -> Losses.create("huber", Map.of("delta", "big")),
            "delta (big) must be a number"),
        new Bad("ignoreIndex not an integer", () -> Losses.create("nll", Map.of("ignoreIndex", 1.5)),
            "ignoreIndex (1.5) must be an integer"),
        new Bad("logTarget not a boolean", () -> Losses.create("kl-divergence", Map.of("logTarget", "yes")),
            "logTarget (yes) must be true or false"),
        new Bad("weight of the wrong length",
            () -> eval("cross-entropy", Map.of("weight", new double[] {1, 2}), s, Target.labels(0, 1)),
            "weight has 2 entries but scores have 3 classes"),
        new Bad("label out of range", () -> eval("cross-entropy", Map.of(), s, Target.labels(0, 3)),
            "label 3 of example 1 is out of range [0, 3)"),
        new Bad("negative label", () -> eval("hinge", Map.of(), s, Target.labels(-1, 0)),
            "label -1 of example 0"),
        new Bad("too few labels", () -> eval("cross-entropy", Map.of(), s, Target.labels(0)),
            "labels has 1 examples but scores have 2"),
        new Bad("target columns", () -> eval("mse", Map.of(), s, Target.dense(2, 2, new double[4])),
            "target has 2 columns but scores have 3"),
        new Bad("ragged scores", () -> eval("mse", Map.of(), new double[][] {{1, 2}, {1}},
            Target.labels(0, 0)), "scores row 1 has 1 values, row 0 has 2"),
        new Bad("NaN score", () -> eval("cross-entropy", Map.of(), new double[][] {{1, Double.NaN}},
            Target.labels(0)), "score of example 0, class 1 is NaN, must be finite"),
        new Bad("infinite score", () -> eval("mse", Map.of(), new double[][] {{1, 2, 3},
            {Double.POSITIVE_INFINITY, 0, 0}}, Target.labels(0, 0)), "example 1, class 0 is Infinity"),
        new Bad("negative probability target", () -> eval("cross-entropy", Map.of(),
            new double[][] {{1, 2}}, Target.dense(1, 2, new double[] {-0.5, 1.5})),
            "target of example 0, class 0 is -0.5", "probability"),
        new Bad("non-normalised probability target", () -> eval("kl-divergence", Map.of(),
            new double[][] {{1, 2}}, Target.dense(1, 2, new double[] {0.5, 0.7})),
            "target of example 0 sums to 1.2", "must sum to 1"),
        new Bad("positive log target", () -> eval("kl-divergence", Map.of("logTarget", true),
            new double[][] {{1, 2}}, Target.dense(1, 2, new double[] {0.5, -1})),
            "target of example 0, class 0 is 0.5", "log-probability"),
        new Bad("BCE target above 1", () -> eval("binary-cross-entropy", Map.of(),
            new double[][] {{1, 2}}, Target.dense(1, 2, new double[] {1.5, 0})),
            "target of example 0, class 0 is 1.5", "[0, 1]"),
        new Bad("NaN regression target", () -> eval("mse", Map.of(), new double[][] {{1, 2}},
            Target.dense(1, 2, new double[] {0, Double.NaN})), "class 1 is NaN, must be finite"),
        new Bad("negative Poisson count", () -> eval("poisson", Map.of(), new double[][] {{1, 2}},
            Target.dense(1, 2, new double[] {1, -2})), "class 1 is -2.0", ">= 0"),
        new Bad("dense target for nll", () -> eval("nll", Map.of(), new double[][] {{1, 2}},
            Target.dense(1, 2, new double[] {0, 1})), "nll needs labels"),
        new Bad("dense target for focal", () -> eval("focal", Map.of(), new double[][] {{1, 2}},
            Target.dense(1, 2, new double[] {0, 1})), "focal needs labels"),
        new Bad("unknown divergence", () -> Losses.compose("softmax", "cosine", Map.of()),
            "unknown divergence 'cosine'", "smooth-l1"),
        new Bad("unknown unit", () -> Losses.compose("sparsemax", "mse", Map.of()),
            "unknown output unit 'sparsemax'"),
        new Bad("bad reduction", () -> Reduction.parse("average"), "reduction (average)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRejectedWithAMessageNamingArgumentAndValue(Bad bad) {
    var assertion = assertThatThrownBy(bad.call()).isInstanceOf(IllegalArgumentException.class);
    for (String fragment : bad.fragments()) {
      assertion.hasMessageContaining(fragment);
    }
  }
}
