package dev.losslab.loss;

import java.util.Map;
import java.util.Set;

/** A second provider in the test resources, offering a name {@link TestLossProvider} offers too. */
public final class OtherTestLossProvider implements LossProvider {

  @Override
  public Set<String> names() {
    return Set.of("test-shared");
  }

  @Override
  public Loss create(String name, Map<String, ?> options) {
    return new TestLossProvider.ScaledSquaredError(name, 2, 2);
  }
}
