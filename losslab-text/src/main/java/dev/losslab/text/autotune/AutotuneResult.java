package dev.losslab.text.autotune;

import dev.losslab.text.TextClassifier;
import java.util.List;
import java.util.Optional;

/**
 * What a search found.
 *
 * @param trials every trial, in order
 * @param best the trial with the highest score (the first of equal ones)
 * @param model the final model, trained again with the best trial's arguments
 * @param quantized the final model quantized, when a model size was asked for
 * @param finalScore the metric of the final model (quantized, if it was) on the validation data
 */
public record AutotuneResult(List<Trial> trials, Trial best, TextClassifier model,
    Optional<Quantizer.Quantized> quantized, double finalScore) {

  public AutotuneResult {
    trials = List.copyOf(trials);
  }
}
