package dev.losslab.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  record Case(int line, JsonNode json) {
    String loss() {
      return json.get("loss").textValue();
    }

    JsonNode options() {
      JsonNode o = json.get("options");
      return o == null ? JSON.createObjectNode() : o;
    }

    @Override
    public String toString() {
      return "line " + line + ": " + loss() + " " + options();
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
          cases.add(new Case(line, JSON.readTree(text)));
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
    JsonNode json = c.json();
    Map<String, Object> options = new LinkedHashMap<>();
    Reduction reduction = Reduction.MEAN;
    for (Map.Entry<String, JsonNode> e : c.options().properties()) {
      JsonNode v = e.getValue();
      if (e.getKey().equals("reduction")) {
        reduction = Reduction.parse(v.textValue());
      } else if (v.isArray()) {
        options.put(e.getKey(), doubles(v));
      } else if (v.isNumber()) {
        options.put(e.getKey(), v.numberValue());
      } else if (v.isBoolean()) {
        options.put(e.getKey(), v.booleanValue());
      } else {
        options.put(e.getKey(), v.textValue());
      }
    }
    Loss loss = Losses.create(c.loss(), options);
    double[][] scores = matrix(json.get("scores"));
    Target target = json.has("labels")
        ? Target.labels(ints(json.get("labels")))
        : Target.dense(matrix(json.get("target")));
    int n = scores.length;
    int k = scores[0].length;

    LossResult result = LossEvaluation.evaluate(loss, scores, target, reduction);

    if (reduction == Reduction.NONE) {
      JsonNode values = json.get("values");
      boolean perElement = values.size() > 0 && values.get(0).isArray();
      assertThat(loss.elementwise())
          .as("%s: PyTorch reports %s for reduction none", c, perElement ? "n × k values" : "n values")
          .isEqualTo(perElement);
      double[] expected = perElement ? flatten(matrix(values)) : doubles(values);
      assertClose(c, "values", expected, result.values());
    } else {
      double expected = json.get("value").doubleValue();
      assertClose(c, "value", new double[] {expected}, new double[] {result.value()});
    }
    double[] gradient = flatten(matrix(json.get("gradient")));
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

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      assertThat(array.get(i).isNumber()).as("%s[%d] is a number", array, i).isTrue();
      out[i] = array.get(i).doubleValue();
    }
    return out;
  }

  private static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      assertThat(array.get(i).canConvertToExactIntegral()).as("%s[%d] is an integer", array, i).isTrue();
      out[i] = array.get(i).intValue();
    }
    return out;
  }

  private static double[][] matrix(JsonNode rows) {
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = doubles(rows.get(i));
    }
    return out;
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
