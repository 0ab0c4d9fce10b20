package dev.losslab.loss;

import java.util.Map;
import java.util.Set;

/**
 * A provider that builds on a built-in loss while the providers are still loading (in its constructor
 * and in {@code names()}): {@code test-double-huber} is twice {@code huber}. Listed only by
 * {@link IsolatedLosses}.
 */
public final class ReentrantTestLossProvider implements LossProvider {
  private final Loss huber = Losses.create("huber");

  @Override
  public Set<String> names() {
    Losses.create("mse");
    return Set.of("test-double-huber");
  }

  @Override
  public Loss create(String name, Map<String, ?> options) {
    return new Loss() {
      @Override
      public String name() {
        return "test-double-huber";
      }

      @Override
      public double evaluate(double[] s, int so, int k, Target target, int row, double[] g, int go) {
        double v = huber.evaluate(s, so, k, target, row, g, go);
        for (int j = 0; j < k; j++) {
          g[go + j] *= 2;
        }
        return 2 * v;
      }
    };
  }
}
