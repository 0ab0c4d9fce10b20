package dev.losslab.text;

import java.util.Objects;

/**
 * One label of a {@link TextModel#predict prediction} and its probability, as fastText reports it:
 * {@code p + 1e-5} for fastText's heads (what {@code fasttext predict-prob} prints and the Python
 * binding returns; so at most {@code 1.00001}, and {@code 1e-05} for a probability of zero).
 *
 * @param label the label as the model holds it, prefix included ({@code __label__baking})
 * @param probability its probability, as above
 */
public record Prediction(String label, double probability) {
  /** Checks that the label is given. */
  public Prediction {
    Objects.requireNonNull(label, "label");
  }
}
