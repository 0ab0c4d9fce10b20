package dev.losslab.text.format;

/**
 * A matrix as a fastText model file stores it: dense ({@link FastTextMatrix}, {@code float32} values) or
 * product-quantized ({@link QuantizedMatrix}, one byte per sub-vector). Both have {@code rows × cols}
 * logical values; row {@code i} of the input matrix is the embedding of word or bucket {@code i}.
 */
public sealed interface StoredMatrix permits FastTextMatrix, QuantizedMatrix {
  /** Number of rows ({@code m}). */
  int rows();

  /** Number of columns ({@code n}, the model's {@code dim}). */
  int cols();
}
