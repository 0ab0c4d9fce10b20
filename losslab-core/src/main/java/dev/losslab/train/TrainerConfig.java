package dev.losslab.train;

import java.util.Objects;

/**
 * How to train: the update rule and its step size, the batch size, the epoch budget, the weight of the L2
 * term, the early-stopping rule and the seed that fixes the order of the examples. Validated on
 * construction; change one field with the {@code with…} methods.
 *
 * @param optimizer the update rule
 * @param learningRate η, > 0
 * @param momentum μ in [0, 1), used by {@link OptimizerKind#MOMENTUM}
 * @param batchSize examples per step, ≥ 1
 * @param epochs the most passes over the training set, ≥ 1
 * @param weightDecay λ ≥ 0 of the regularisation term {@code (λ/2)‖W‖²} (weights only, not biases)
 * @param stopping when to stop before {@code epochs}
 * @param seed fixes the shuffling of the examples: same seed, same data, same network → same result
 * @param fullPassMetrics whether each epoch's metrics are exact full-data values (one extra pass)
 */
public record TrainerConfig(
    OptimizerKind optimizer,
    double learningRate,
    double momentum,
    int batchSize,
    int epochs,
    double weightDecay,
    StoppingRule stopping,
    long seed,
    boolean fullPassMetrics) {

  /** Checks every field; the message names the field and its value. */
  public TrainerConfig {
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(stopping, "stopping");
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate (" + learningRate + ") must be > 0 and finite");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum (" + momentum + ") must be in [0, 1)");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size (" + batchSize + ") must be ≥ 1");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs (" + epochs + ") must be ≥ 1");
    }
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException("weight decay (" + weightDecay + ") must be ≥ 0 and finite");
    }
  }

  /**
   * Adam, η = 0.001, μ = 0.9, batch 64, 10 epochs, no weight decay, no early stop, seed 1, running
   * metrics.
   */
  public static TrainerConfig defaults() {
    return new TrainerConfig(OptimizerKind.ADAM, 1e-3, 0.9, 64, 10, 0.0, StoppingRule.none(), 1L, false);
  }

  /** This config with another {@code optimizer}. */
  public TrainerConfig withOptimizer(OptimizerKind optimizer) {
    return new TrainerConfig(optimizer, learningRate, momentum, batchSize, epochs, weightDecay, stopping,
        seed, fullPassMetrics);
  }

  /** This config with another {@code learningRate}. */
  public TrainerConfig withLearningRate(double learningRate) {
    return new TrainerConfig(optimizer, learningRate, momentum, batchSize, epochs, weightDecay, stopping,
        seed, fullPassMetrics);
  }

  /** This config with another {@code momentum}. */
  public TrainerConfig withMomentum(double momentum) {
    return new TrainerConfig(optimizer, learningRate, momentum, batchSize, epochs, weightDecay, stopping,
        seed, fullPassMetrics);
  }

  /** This config with another {@code batchSize}. */
  public TrainerConfig withBatchSize(int batchSize) {
    return new TrainerConfig(optimizer, learningRate, momentum, batchSize, epochs, weightDecay, stopping,
        seed, fullPassMetrics);
  }

  /** This config with another {@code epochs}. */
  public TrainerConfig withEpochs(int epochs) {
    return new TrainerConfig(optimizer, learningRate, momentum, batchSize, epochs, weightDecay, stopping,
        seed, fullPassMetrics);
  }

  /** This config with another {@code weightDecay}. */
  public TrainerConfig withWeightDecay(double weightDecay) {
    return new TrainerConfig(optimizer, learningRate, momentum, batchSize, epochs, weightDecay, stopping,
        seed, fullPassMetrics);
  }

  /** This config with another {@code stopping}. */
  public TrainerConfig withStopping(StoppingRule stopping) {
    return new TrainerConfig(optimizer, learningRate, momentum, batchSize, epochs, weightDecay, stopping,
        seed, fullPassMetrics);
  }

  /** This config with another {@code seed}. */
  public TrainerConfig withSeed(long seed) {
    return new TrainerConfig(optimizer, learningRate, momentum, batchSize, epochs, weightDecay, stopping,
        seed, fullPassMetrics);
  }

  /** This config with another {@code fullPassMetrics}. */
  public TrainerConfig withFullPassMetrics(boolean fullPassMetrics) {
    return new TrainerConfig(optimizer, learningRate, momentum, batchSize, epochs, weightDecay, stopping,
        seed, fullPassMetrics);
  }
}
