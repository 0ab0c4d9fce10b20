package dev.losslab.loss;

import java.util.Map;
import java.util.Set;

/**
 * A provider registered in the test resources' {@code META-INF/services}: one well-behaved loss with an
 * option, losses the gradient-check suite should accept, refuse or fail, and every way a provider can
 * go wrong in {@code create}.
 */
public final class TestLossProvider implements LossProvider {

  @Override
  public Set<String> names() {
    return Set.of("test-scaled-mse", "test-labels-only", "test-wrong-gradient", "test-no-target",
        "test-throws", "test-null", "test-wrong-name", "test-multiline", "test-shared",
        "Test-Mixed-Case");
  }

  @Override
  public Set<String> optionNames(String name) {
    return name.equals("test-scaled-mse") ? Set.of("scale") : Set.of();
  }

  @Override
  public Loss create(String name, Map<String, ?> options) {
    switch (name) {
      case "test-scaled-mse":
        return new ScaledSquaredError(name, scale(options), 2);
      case "test-wrong-gradient":
        return new ScaledSquaredError(name, 1, 3);
      case "Test-Mixed-Case":
        return new ScaledSquaredError("test-mixed-case", 1, 2);
      case "test-shared":
        return new ScaledSquaredError(name, 1, 2);
      case "test-wrong-name":
        return new ScaledSquaredError("test-other", 1, 2);
      case "test-labels-only":
        return new LabelsOnly();
      case "test-no-target":
        return new ScaledSquaredError(name, 1, 2) {
          @Override
          public void validate(Target target, int n, int k) {
            throw new IllegalArgumentException("test-no-target takes no target");
          }
        };
      case "test-throws":
        throw new IllegalStateException("the provider is not configured");
      case "test-multiline":
        throw new IllegalArgumentException("first line\n  second line");
      case "test-null":
        return null;
      default:
        throw new IllegalArgumentException("not offered: " + name);
    }
  }

  private static double scale(Map<String, ?> options) {
    double scale = 1;
    for (Map.Entry<String, ?> e : options.entrySet()) {
      if (!e.getKey().equals("scale")) {
        throw new IllegalArgumentException("unknown option '" + e.getKey() + "' (known: scale)");
      }
      scale = Double.parseDouble(String.valueOf(e.getValue()));
    }
    if (!(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("scale (" + scale + ") must be > 0 and finite");
    }
    return scale;
  }

  /** {@code c·(s − y)²} per element; its derivative is written as {@code slope·c·(s − y)}. */
  static class ScaledSquaredError extends ElementwiseLoss {
    private final String name;
    private final double scale;
    private final double slope;

    ScaledSquaredError(String name, double scale, double slope) {
      this.name = name;
      this.scale = scale;
      this.slope = slope;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    protected double value(double s, double y) {
      return scale * (s - y) * (s - y);
    }

    @Override
    protected double derivative(double s, double y) {
      return slope * scale * (s - y);
    }
  }

  /** {@code Σ_j (s_j − [j = y])²}, for class labels only. */
  static final class LabelsOnly implements Loss {
    @Override
    public String name() {
      return "test-labels-only";
    }

    @Override
    public void validate(Target target, int n, int k) {
      if (!target.hasLabels()) {
        throw new IllegalArgumentException("test-labels-only needs class labels");
      }
      Targets.requireLabelsInRange(target, n, k, false, 0);
    }

    @Override
    public double evaluate(double[] s, int so, int k, Target target, int row, double[] g, int go) {
      double sum = 0;
      for (int j = 0; j < k; j++) {
        double d = s[so + j] - (target.label(row) == j ? 1 : 0);
        sum += d * d;
        g[go + j] = 2 * d;
      }
      return sum;
    }
  }
}
