package dev.losslab.sweep;

import dev.losslab.loss.Loss;
import dev.losslab.loss.LossProvider;
import dev.losslab.loss.Target;
import java.util.Map;
import java.util.Set;

/**
 * A loss provider of the lab's tests, registered in the test resources' {@code META-INF/services}:
 * {@code test-fails-in-training}, a loss that is created without complaint and throws the first time it
 * is evaluated, as a loss with a bad option that only shows in training would.
 */
public final class FailingLossProvider implements LossProvider {

  /** The message of the loss's failure. */
  public static final String MESSAGE = "test-fails-in-training: refuses to evaluate";

  @Override
  public Set<String> names() {
    return Set.of("test-fails-in-training");
  }

  @Override
  public Set<String> optionNames(String name) {
    return Set.of();
  }

  @Override
  public Loss create(String name, Map<String, ?> options) {
    return new Loss() {
      @Override
      public String name() {
        return "test-fails-in-training";
      }

      @Override
      public double evaluate(double[] s, int so, int k, Target target, int row, double[] g, int go) {
        throw new IllegalStateException(MESSAGE);
      }
    };
  }
}
