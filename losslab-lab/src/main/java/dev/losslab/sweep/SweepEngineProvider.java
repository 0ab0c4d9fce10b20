package dev.losslab.sweep;

/**
 * Offers a {@link SweepEngine} by name; listed in {@code META-INF/services/dev.losslab.sweep.SweepEngineProvider}
 * of its jar so that {@link SweepEngines#open} finds it on the class path ({@code losslab-spark} offers
 * {@code spark}).
 */
public interface SweepEngineProvider {

  /** The name {@code --engine} selects, e.g. {@code spark}. */
  String name();

  /**
   * Checks {@code settings} without starting anything or reaching any machine; by default accepts
   * them.
   *
   * @throws IllegalArgumentException naming the setting this engine cannot take (a master URL of no
   *     known form)
   */
  default void check(EngineSettings settings) {}

  /**
   * Starts the engine.
   *
   * @throws EngineUnavailableException with one line saying why it cannot start (a master that cannot
   *     be reached)
   */
  SweepEngine open(EngineSettings settings);
}
