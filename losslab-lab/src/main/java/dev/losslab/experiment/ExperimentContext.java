package dev.losslab.experiment;

import dev.losslab.train.OptimizerKind;
import dev.losslab.train.StoppingRule;
import dev.losslab.train.TrainerConfig;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sizes and seeds shared by the experiments, and where progress goes.
 *
 * @param seeds runs per configuration (seeds 1 … seeds)
 * @param trainRows generated training examples
 * @param testRows generated test examples
 * @param epochs the training budget of most runs
 * @param dense data read from {@code --dense} for the classification experiments, or {@code null} for
 *     the generated Gaussian clusters
 * @param progress receives one line after each training run
 */
public record ExperimentContext(int seeds, int trainRows, int testRows, int epochs, CompareData dense,
    Consumer<String> progress) {

  public ExperimentContext {
    if (seeds < 1) {
      throw new IllegalArgumentException("--seeds (" + seeds + ") must be >= 1");
    }
    if (trainRows < 10 || testRows < 10 || epochs < 1) {
      throw new IllegalArgumentException("experiment sizes (" + trainRows + ", " + testRows + ", "
          + epochs + ") must be >= 10 examples and >= 1 epoch");
    }
  }

  /** The sizes of a normal run: 2,000 + 1,000 generated examples, 20 epochs. */
  public static ExperimentContext standard(int seeds, Consumer<String> progress) {
    return new ExperimentContext(seeds, 2000, 1000, 20, null, progress);
  }

  /** Tiny sizes for tests: 1 seed, 200 + 100 examples, 3 epochs. */
  public static ExperimentContext quick(Consumer<String> progress) {
    return new ExperimentContext(1, 200, 100, 3, null, progress);
  }

  /** This context reporting progress to {@code progress}. */
  public ExperimentContext withProgress(Consumer<String> progress) {
    return new ExperimentContext(seeds, trainRows, testRows, epochs, dense, progress);
  }

  /** This context training {@code epochs} epochs. */
  public ExperimentContext withEpochs(int epochs) {
    return new ExperimentContext(seeds, trainRows, testRows, epochs, dense, progress);
  }

  /** This context classifying {@code dense} instead of the generated data. */
  public ExperimentContext withDense(CompareData dense) {
    return new ExperimentContext(seeds, trainRows, testRows, epochs, dense, progress);
  }

  /**
   * The classification data: {@link #dense} when given, otherwise the built-in generated data at this
   * context's sizes.
   */
  public CompareData data() {
    return dense != null ? dense : CompareData.generated(trainRows, testRows);
  }

  /** The built-in generated classification data at this context's sizes, whatever {@link #dense} is. */
  public CompareData generated() {
    return CompareData.generated(trainRows, testRows);
  }

  /** The shared classifier: 1 hidden layer of 32 ReLU units, SGD with momentum 0.9, η = 0.05. */
  public ModelSetup classifier() {
    return classifier(OptimizerKind.MOMENTUM, 0.05, epochs);
  }

  /** A 32-ReLU classifier with the given optimiser, learning rate and budget. */
  public ModelSetup classifier(OptimizerKind optimizer, double lr, int epochs) {
    return new ModelSetup(List.of(32), "relu", new TrainerConfig(optimizer, lr, 0.9, 32, epochs, 0.0,
        StoppingRule.none(), 1L, true));
  }

  /** Runs every loss with every seed and reports each run. */
  public List<RunResult> compare(List<LossChoice> losses, ModelSetup setup, CompareData data) {
    CompareConfig c = new CompareConfig(losses, seeds, setup, Math.min(1000, data.train().rows()),
        GradientDiagnostics.DEFAULT_STALL_THRESHOLD);
    return Comparison.run(c, data, r -> progress.accept(r.loss() + " seed " + r.seed()));
  }

  /** The {@link CompareConfig} {@link #compare} uses, for report sections. */
  public CompareConfig config(List<LossChoice> losses, ModelSetup setup, CompareData data) {
    return new CompareConfig(losses, seeds, setup, Math.min(1000, data.train().rows()),
        GradientDiagnostics.DEFAULT_STALL_THRESHOLD);
  }
}
