package dev.losslab.experiment;

import dev.losslab.train.OptimizerKind;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sizes and seeds shared by the experiments, and where progress goes. {@link #standard()} is what
 * {@code experiment} runs with no options, {@link #quick()} a smoke run whose verdicts mean little:
 *
 * <pre>{@code
 * Report report = Lab.experiment("label-noise", ExperimentContext.standard().withSeeds(5));
 * }</pre>
 *
 * @param seeds runs per configuration (seeds 1 … seeds)
 * @param trainRows generated training examples
 * @param testRows generated test examples
 * @param epochs the training budget of most runs
 * @param dense data read from a file for the classification experiments (see
 *     {@link CompareData#read}), or {@code null} for the generated Gaussian clusters
 * @param progress receives one line after each training run
 */
public record ExperimentContext(int seeds, int trainRows, int testRows, int epochs, CompareData dense,
    Consumer<String> progress) {

  /** Seeds per configuration unless told otherwise. */
  public static final int DEFAULT_SEEDS = 3;

  /**
   * Checks the sizes; the message names them.
   *
   * @throws IllegalArgumentException when there are fewer than 1 seed, 10 training or test examples, or
   *     1 epoch
   */
  public ExperimentContext {
    java.util.Objects.requireNonNull(progress, "progress");
    if (seeds < 1) {
      throw new IllegalArgumentException("seeds (" + seeds + ") must be >= 1");
    }
    if (trainRows < 10 || testRows < 10 || epochs < 1) {
      throw new IllegalArgumentException("experiment sizes (" + trainRows + ", " + testRows + ", "
          + epochs + ") must be >= 10 examples and >= 1 epoch");
    }
  }

  /**
   * The sizes of a normal run, silent: {@value #DEFAULT_SEEDS} seeds, 2,000 + 1,000 generated
   * examples, 20 epochs.
   */
  public static ExperimentContext standard() {
    return standard(DEFAULT_SEEDS, line -> {});
  }

  /** The sizes of a normal run: 2,000 + 1,000 generated examples, 20 epochs. */
  public static ExperimentContext standard(int seeds, Consumer<String> progress) {
    return new ExperimentContext(seeds, CompareData.DEFAULT_TRAIN_ROWS, CompareData.DEFAULT_TEST_ROWS,
        ModelSetup.defaults().trainer().epochs(), null, progress);
  }

  /** Tiny sizes for tests and smoke runs, silent: 1 seed, 200 + 100 examples, 3 epochs. */
  public static ExperimentContext quick() {
    return quick(line -> {});
  }

  /** Tiny sizes for tests: 1 seed, 200 + 100 examples, 3 epochs. */
  public static ExperimentContext quick(Consumer<String> progress) {
    return new ExperimentContext(1, 200, 100, 3, null, progress);
  }

  /** This context reporting progress to {@code progress}. */
  public ExperimentContext withProgress(Consumer<String> progress) {
    return new ExperimentContext(seeds, trainRows, testRows, epochs, dense, progress);
  }

  /** This context with {@code seeds} runs per configuration. */
  public ExperimentContext withSeeds(int seeds) {
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

  /**
   * The shared classifier, {@link ModelSetup#defaults()} with this context's budget: 1 hidden layer of
   * 32 ReLU units, SGD with momentum 0.9, η = 0.05, batch 32.
   */
  public ModelSetup classifier() {
    return ModelSetup.defaults().withEpochs(epochs);
  }

  /** {@link ModelSetup#defaults()} with the given optimiser, learning rate and budget. */
  public ModelSetup classifier(OptimizerKind optimizer, double lr, int epochs) {
    ModelSetup d = ModelSetup.defaults();
    return d.withTrainer(d.trainer().withOptimizer(optimizer).withLearningRate(lr).withEpochs(epochs));
  }

  /** Runs every loss with every seed and reports each run. */
  public List<RunResult> compare(List<LossChoice> losses, ModelSetup setup, CompareData data) {
    CompareConfig c = config(losses, setup, data);
    return Comparison.run(c, data, r -> progress.accept(r.loss() + " seed " + r.seed()));
  }

  /** The {@link CompareConfig} {@link #compare} uses, for report sections. */
  public CompareConfig config(List<LossChoice> losses, ModelSetup setup, CompareData data) {
    return new CompareConfig(losses, seeds, setup,
        Math.min(CompareConfig.DEFAULT_SAMPLE, data.train().rows()),
        GradientDiagnostics.DEFAULT_STALL_THRESHOLD);
  }
}
