package dev.losslab.experiment;

import dev.losslab.nn.Network;
import dev.losslab.train.OptimizerKind;
import dev.losslab.train.StoppingRule;
import dev.losslab.train.TrainerConfig;
import dev.losslab.unit.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The model and optimiser every loss of a comparison shares: hidden layer sizes and activation (none
 * for a linear model), and the trainer's configuration. The seed of {@link TrainerConfig} is replaced
 * by each run's seed. Start from {@link #defaults()} and change what differs:
 *
 * <pre>{@code
 * ModelSetup setup = ModelSetup.defaults().withHidden(64, 64).withEpochs(5);
 * }</pre>
 *
 * @param hidden units of each hidden layer, input to output; empty for a linear model
 * @param activation the hidden layers' activation, a name {@link Units#activation} knows
 * @param trainer optimiser, learning rate, batch size, epochs, weight decay, stopping rule
 */
public record ModelSetup(List<Integer> hidden, String activation, TrainerConfig trainer) {

  /** Checks the setup: every layer has at least one unit and the activation exists. */
  public ModelSetup {
    hidden = List.copyOf(hidden);
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(trainer, "trainer");
    for (int h : hidden) {
      if (h < 1) {
        throw new IllegalArgumentException("hidden layer size (" + h + ") must be >= 1");
      }
    }
    Units.activation(activation);
  }

  /**
   * The setup of {@code compare} and of the experiments' classifier: one hidden layer of 32 ReLU units;
   * SGD with momentum μ = 0.9 and learning rate η = 0.05; batch 32; 20 epochs; no weight decay; no
   * stopping rule; exact full-data metrics at the end of each epoch.
   */
  public static ModelSetup defaults() {
    return new ModelSetup(List.of(32), "relu", new TrainerConfig(OptimizerKind.MOMENTUM, 0.05, 0.9,
        32, 20, 0.0, StoppingRule.none(), 1L, true));
  }

  /** This setup with hidden layers of {@code units} each, input to output; none for a linear model. */
  public ModelSetup withHidden(int... units) {
    List<Integer> h = new ArrayList<>();
    for (int u : units) {
      h.add(u);
    }
    return new ModelSetup(h, activation, trainer);
  }

  /** This setup with another hidden activation. */
  public ModelSetup withActivation(String activation) {
    return new ModelSetup(hidden, activation, trainer);
  }

  /** This setup with another trainer configuration. */
  public ModelSetup withTrainer(TrainerConfig trainer) {
    return new ModelSetup(hidden, activation, trainer);
  }

  /** This setup training for {@code epochs} epochs; short for {@code withTrainer(trainer().withEpochs(epochs))}. */
  public ModelSetup withEpochs(int epochs) {
    return withTrainer(trainer.withEpochs(epochs));
  }

  /** A fresh network for {@code inputs} features and {@code outputs} scores, initialised by {@code seed}. */
  public Network network(int inputs, int outputs, long seed) {
    Network.Builder b = Network.builder(inputs);
    for (int h : hidden) {
      b.dense(h, activation);
    }
    return b.output(outputs).build(seed);
  }

  /** {@code "20-32(relu)-5"}-style description for reports. */
  public String describe(int inputs, int outputs) {
    StringBuilder s = new StringBuilder().append(inputs);
    for (int h : hidden) {
      s.append('-').append(h).append('(').append(activation).append(')');
    }
    return s.append('-').append(outputs).append(" (linear output)").toString();
  }
}
