package dev.losslab.loss;

import java.util.Map;
import java.util.Set;

/**
 * A provider that the test resources do not register: {@link IsolatedLosses} lists it in a services
 * file of its own. It offers a new name and, against the rules, the built-in {@code mse}.
 */
public final class ExtraTestLossProvider implements LossProvider {

  @Override
  public Set<String> names() {
    return Set.of("test-extra", "mse");
  }

  @Override
  public Loss create(String name, Map<String, ?> options) {
    return new TestLossProvider.ScaledSquaredError(name, 1, 2);
  }
}
