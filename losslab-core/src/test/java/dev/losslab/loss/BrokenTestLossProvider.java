package dev.losslab.loss;

import java.util.Map;
import java.util.Set;

/** A provider whose constructor fails, as one missing its configuration would; never registered. */
public final class BrokenTestLossProvider implements LossProvider {

  /** Always throws. */
  public BrokenTestLossProvider() {
    throw new IllegalStateException("no licence file");
  }

  @Override
  public Set<String> names() {
    return Set.of("test-broken");
  }

  @Override
  public Loss create(String name, Map<String, ?> options) {
    throw new AssertionError("never constructed");
  }
}
