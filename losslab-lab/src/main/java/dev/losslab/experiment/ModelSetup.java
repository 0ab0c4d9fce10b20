package dev.losslab.experiment;

import dev.losslab.nn.Network;
import dev.losslab.train.TrainerConfig;
import java.util.List;

/**
 * The model and optimiser every loss of a comparison shares: hidden layer sizes and activation (none
 * for a linear model), and the trainer's configuration. The seed of {@link TrainerConfig} is replaced
 * by each run's seed.
 *
 * @param hidden units of each hidden layer, input to output; empty for a linear model
 * @param activation the hidden layers' activation
 * @param trainer optimiser, learning rate, batch size, epochs, weight decay, stopping rule
 */
public record ModelSetup(List<Integer> hidden, String activation, TrainerConfig trainer) {

  public ModelSetup {
    hidden = List.copyOf(hidden);
    for (int h : hidden) {
      if (h < 1) {
        throw new IllegalArgumentException("hidden layer size (" + h + ") must be >= 1");
      }
    }
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
