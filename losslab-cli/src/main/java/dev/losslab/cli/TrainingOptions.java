package dev.losslab.cli;

import dev.losslab.experiment.ModelSetup;
import dev.losslab.train.OptimizerKind;
import dev.losslab.train.StoppingRule;
import dev.losslab.train.TrainerConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The model and optimiser options shared by {@code compare} and {@code experiment}; their defaults are
 * {@link ModelSetup#defaults()}.
 */
public final class TrainingOptions {

  private static final ModelSetup DEFAULTS = ModelSetup.defaults();
  private static final TrainerConfig TRAINER = DEFAULTS.trainer();

  @Option(names = "--hidden", paramLabel = "SIZES",
      description = "Hidden layer sizes, comma-separated; 0 for a linear model (default: ${DEFAULT-VALUE}).")
  String hidden = String.join(",", DEFAULTS.hidden().stream().map(String::valueOf).toList());

  @Option(names = "--activation", paramLabel = "NAME",
      description = "Hidden activation (default: ${DEFAULT-VALUE}).")
  String activation = DEFAULTS.activation();

  @Option(names = "--optimizer", paramLabel = "NAME",
      description = "sgd, momentum or adam (default: ${DEFAULT-VALUE}).")
  String optimizer = TRAINER.optimizer().label();

  @Option(names = "--lr", paramLabel = "X",
      description = "Learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate = TRAINER.learningRate();

  @Option(names = "--momentum", paramLabel = "X",
      description = "Momentum of the momentum optimiser (default: ${DEFAULT-VALUE}).")
  double momentum = TRAINER.momentum();

  @Option(names = "--batch", paramLabel = "N",
      description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
  int batch = TRAINER.batchSize();

  @Option(names = "--epochs", paramLabel = "N",
      description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs = TRAINER.epochs();

  /** The epoch budget, also used by the text classifier. */
  int epochs() {
    return epochs;
  }

  @Option(names = "--weight-decay", paramLabel = "X",
      description = "L2 weight decay λ (default: ${DEFAULT-VALUE}).")
  double weightDecay = TRAINER.weightDecay();

  @Option(names = "--stop", paramLabel = "RULE",
      description = "none, gradient-norm:T or loss-change:T (default: ${DEFAULT-VALUE}).")
  String stop = TRAINER.stopping().describe();

  /** The setup these options describe. */
  public ModelSetup setup() {
    List<Integer> sizes = new ArrayList<>();
    for (String p : hidden.split(",")) {
      String t = p.trim();
      int h;
      try {
        h = Integer.parseInt(t);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--hidden (" + hidden + ") must be comma-separated integers");
      }
      if (h < 0) {
        throw new IllegalArgumentException("--hidden (" + hidden + "): sizes must be >= 0");
      }
      if (h > 0) {
        sizes.add(h);
      }
    }
    TrainerConfig t = new TrainerConfig(OptimizerKind.parse(optimizer), learningRate, momentum, batch,
        epochs, weightDecay, StoppingRule.parse(stop), TRAINER.seed(), TRAINER.fullPassMetrics());
    return new ModelSetup(sizes, activation, t);
  }
}
