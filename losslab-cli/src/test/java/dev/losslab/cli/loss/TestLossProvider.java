package dev.losslab.cli.loss;

import dev.losslab.loss.ElementwiseLoss;
import dev.losslab.loss.Loss;
import dev.losslab.loss.LossProvider;
import java.util.Map;
import java.util.Set;

/**
 * The loss provider of the command-line tests, registered in the test resources'
 * {@code META-INF/services}: {@code test-scaled-mse}, {@code scale·(s − y)²} per element with option
 * {@code scale} (default 1, must be > 0), and {@code test-throws}, whose provider fails.
 */
public final class TestLossProvider implements LossProvider {

  @Override
  public Set<String> names() {
    return Set.of("test-scaled-mse", "test-throws");
  }

  @Override
  public Set<String> optionNames(String name) {
    return name.equals("test-scaled-mse") ? Set.of("scale") : Set.of();
  }

  @Override
  public Loss create(String name, Map<String, ?> options) {
    if (name.equals("test-throws")) {
      throw new IllegalStateException("the provider is not configured");
    }
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
    double c = scale;
    return new ElementwiseLoss() {
      @Override
      public String name() {
        return "test-scaled-mse";
      }

      @Override
      protected double value(double s, double y) {
        return c * (s - y) * (s - y);
      }

      @Override
      protected double derivative(double s, double y) {
        return 2 * c * (s - y);
      }
    };
  }
}
