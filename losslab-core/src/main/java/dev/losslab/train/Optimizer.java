package dev.losslab.train;

/**
 * A gradient-descent update rule with its state (velocities, moment estimates) for one parameter
 * vector. One instance per training run; not thread-safe.
 */
public interface Optimizer {

  /**
   * One step: moves {@code parameters} against {@code gradient} (∂J/∂θ, unchanged by the call).
   * Non-finite gradients make non-finite parameters; the trainer checks the objective before stepping.
   */
  void step(double[] parameters, double[] gradient);
}
