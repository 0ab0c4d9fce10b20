package dev.losslab.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.losslab.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in loss against values and gradients computed by PyTorch 1.13 in float64
 * ({@code losslab-bench/scripts/torch_reference.py}, which wrote {@code torch-reference.jsonl}): PyTorch's
 * own loss where it has one, otherwise the formula in torch ops differentiated by autograd. Each line is
 * one case in the {@code loss --jsonl} format; value and gradient must agree within 1e-10 relative, or
 * 1e-12 absolute for entries near zero.
 */
class TorchReferenceTest {
  private static final String RESOURCE = "torch-reference.jsonl";
  private static final double RELATIVE = 1e-10;
  private static final double ABSOLUTE = 1e-12;

  record Case(int line, Map<String, Object> json) {
    String loss() {
      return (String) json.get("loss");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> options() {
      Object o = json.get("options");
      return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @Override
    public String toString() {
      return "line " + line + ": " + loss() + " " + Json.write(options());
    }
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = TorchReferenceTest.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + RESOURCE + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String text;
      int line = 0;
      while ((text = reader.readLine()) != null) {
        line++;
        if (!text.isBlank()) {
          cases.add(new Case(line, Json.parseObject(text)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  static Stream<Arguments> referenceCases() {
    return cases().stream().map(c -> Arguments.of(c));
  }

  @Test
  void theResourceCoversEveryBuiltInLoss() {
    Set<String> covered = new TreeSet<>();
    for (Case c : cases()) {
      covered.add(c.loss());
    }
    assertThat(covered).containsExactlyInAnyOrder(
        "cross-entropy", "nll", "binary-cross-entropy", "mse", "l2", "softmax-mse", "exp-mse", "mae",
        "huber", "smooth-l1", "log-cosh", "kl-divergence", "poisson", "hinge", "squared-hinge",
        "focal", "poly1", "gce", "sce", "nce-rce", "nce-mae", "taylor-ce", "sparsemax", "sigmoid-focal",
        "rescaled-mse", "cosine");
    assertThat(Losses.names()).containsAll(covered);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceCases")
  void matchesPyTorch(Case c) {
    Map<String, Object> json = c.json();
    Map<String, Object> options = new LinkedHashMap<>();
    Reduction reduction = Reduction.MEAN;
    for (Map.Entry<String, Object> e : c.options().entrySet()) {
      if (e.getKey().equals("reduction")) {
        reduction = Reduction.parse((String) e.getValue());
      } else if (e.getValue() instanceof List<?>) {
        options.put(e.getKey(), Json.toDoubleArray(e.getValue(), e.getKey()));
      } else {
        options.put(e.getKey(), e.getValue());
      }
    }
    Loss loss = Losses.create(c.loss(), options);
    double[][] scores = Json.toDoubleMatrix(json.get("scores"), "scores");
    Target target = json.containsKey("labels")
        ? Target.labels(Json.toIntArray(json.get("labels"), "labels"))
        : Target.dense(Json.toDoubleMatrix(json.get("target"), "target"));
    int n = scores.length;
    int k = scores[0].length;

    LossResult result = LossEvaluation.evaluate(loss, scores, target, reduction);

    if (reduction == Reduction.NONE) {
      Object values = json.get("values");
      boolean perElement = values instanceof List<?> list && !list.isEmpty()
          && list.get(0) instanceof List;
      assertThat(loss.elementwise())
          .as("%s: PyTorch reports %s for reduction none", c, perElement ? "n × k values" : "n values")
          .isEqualTo(perElement);
      double[] expected = perElement ? flatten(Json.toDoubleMatrix(values, "values"))
          : Json.toDoubleArray(values, "values");
      assertClose(c, "values", expected, result.values());
    } else {
      double expected = ((Number) json.get("value")).doubleValue();
      assertClose(c, "value", new double[] {expected}, new double[] {result.value()});
    }
    double[] gradient = flatten(Json.toDoubleMatrix(json.get("gradient"), "gradient"));
    assertThat(gradient).hasSize(n * k);
    assertClose(c, "gradient", gradient, result.gradient());
  }

  private static void assertClose(Case c, String what, double[] expected, double[] actual) {
    assertThat(actual).as("%s: %s", c, what).hasSize(expected.length);
    StringBuilder errors = new StringBuilder();
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double a = actual[i];
      double tolerance = Math.max(RELATIVE * Math.abs(e), ABSOLUTE);
      if (!(Math.abs(a - e) <= tolerance)) {
        errors.append(String.format("%n  %s[%d]: expected %s, got %s (error %.3g, tolerance %.3g)",
            what, i, e, a, Math.abs(a - e), tolerance));
      }
    }
    if (errors.length() > 0) {
      fail(c + errors.toString());
    }
  }

  private static double[] flatten(double[][] rows) {
    int size = 0;
    for (double[] r : rows) {
      size += r.length;
    }
    double[] flat = new double[size];
    int at = 0;
    for (double[] r : rows) {
      System.arraycopy(r, 0, flat, at, r.length);
      at += r.length;
    }
    return flat;
  }
}
