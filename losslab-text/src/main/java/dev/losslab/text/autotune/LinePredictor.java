package dev.losslab.text.autotune;

import dev.losslab.text.Predictions;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.Workspace;

/**
 * Predicts the top labels of one encoded line: its input rows {@code rows[from..to)}. One instance
 * per thread (it holds that thread's scratch). A trained {@link TextClassifier} gives one with
 * {@link #of}; a quantized model gives its own.
 */
@FunctionalInterface
public interface LinePredictor {
  /** Writes the best {@code k} labels (probability ≥ 0) of the line to {@code out}, best first. */
  void predict(int[] rows, int from, int to, int k, Predictions out);

  /** A predictor over {@code c} with scratch of its own. */
  static LinePredictor of(TextClassifier c) {
    Workspace ws = c.workspace();
    return (rows, from, to, k, out) -> {
      c.model().hidden(rows, from, to, ws.hidden());
      c.head().predict(c.model(), ws, k, 0f, out);
    };
  }
}
