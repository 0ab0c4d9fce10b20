package dev.losslab.sweep;

import dev.losslab.experiment.CompareConfig;
import dev.losslab.experiment.LossChoice;
import dev.losslab.experiment.ModelSetup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One combination of a grid's values: which value each swept option takes, and the comparison it
 * gives: the losses (a swept loss option set on each loss of that name, whose label stays as the
 * user wrote it), the seeds, the model and trainer, and the training labels' noise.
 *
 * @param values each swept option's value, in the grid's order; empty for the grid of no option
 * @param config the comparison of this cell
 * @param noise the noise on the training labels
 */
public record GridCell(Map<String, String> values, CompareConfig config, Noise noise) {

  /** Copies the values. */
  public GridCell {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(noise, "noise");
  }

  /** {@code "lr=0.05 noise=symmetric:0.4"}; empty for the grid of no option. */
  public String label() {
    List<String> parts = new ArrayList<>();
    values.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(" ", parts);
  }

  /**
   * What a cell is made of while the grid's values are applied one by one.
   *
   * @param model the network and trainer
   * @param losses the losses, labels as given
   * @param noise the training labels' noise
   */
  record Setup(ModelSetup model, List<LossChoice> losses, Noise noise) {
    Setup {
      losses = List.copyOf(losses);
    }

    Setup withModel(ModelSetup m) {
      return new Setup(m, losses, noise);
    }
  }
}
