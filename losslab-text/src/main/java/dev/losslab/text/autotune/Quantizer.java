package dev.losslab.text.autotune;

import dev.losslab.text.TextClassifier;
import dev.losslab.text.TrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What {@code -autotune-modelsize} needs from the product quantizer: quantize a trained trial with
 * fastText's {@code quantize} settings, predict with the result, and save it as a {@code .ftz}. The
 * search computes the settings ({@link ModelSize}); an implementation runs them.
 */
public interface Quantizer {

  /**
   * One quantization, as fastText's flags: keep the {@code cutoff} input rows of largest norm,
   * sub-vectors of {@code dsub} dimensions, norms quantized apart ({@code qnorm}), the output matrix
   * quantized too ({@code qout}), the kept rows fine-tuned for {@code epoch} epochs at {@code lr} on
   * {@code thread} threads ({@code retrain}).
   */
  record Settings(int cutoff, int dsub, boolean qnorm, boolean qout, boolean retrain, int epoch,
      double lr, int thread) {}

  /** A quantized model. */
  interface Quantized {
    /**
     * Predictors over the quantized model, one per thread. They take the input rows of the
     * unquantized model's dictionary (the rows a {@link ValidationSet} holds) and map them to the
     * kept rows themselves; rows that were cut off are left out.
     */
    Supplier<LinePredictor> predictors();

    /** Writes the model as a fastText {@code .ftz}, atomically. */
    void save(Path ftz) throws IOException;
  }

  /** Quantizes {@code model}, trained on {@code data}. */
  Quantized quantize(TextClassifier model, TrainingData data, Settings settings);
}
