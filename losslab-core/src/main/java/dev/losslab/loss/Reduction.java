package dev.losslab.loss;

/**
 * How the per-example (or per-element) values of a batch become one number. The reduction scales the
 * gradient the same way, so the returned gradient is always the derivative of the returned value.
 *
 * <p>The meanings are PyTorch's: {@link #MEAN} divides by the sum of the examples' mean weights (the
 * number of examples, the number of elements for element-wise losses, or the sum of the class weights
 * of the targets for weighted {@code cross-entropy} and {@code nll}). A batch whose mean weights sum to
 * zero (it is empty, or every target is ignored) has value 0 and gradient 0 under {@code MEAN}; PyTorch
 * returns NaN there, which we consider a trap rather than a feature.
 */
public enum Reduction {
  /** Weighted mean: Σ values / Σ mean weights. */
  MEAN,
  /** Plain sum of the values. */
  SUM,
  /** No reduction: one value per example, or per element for element-wise losses. */
  NONE;

  /**
   * Parses {@code mean}, {@code sum} or {@code none} (any case).
   *
   * @throws IllegalArgumentException naming the value when it is none of these
   */
  public static Reduction parse(String name) {
    if (name != null) {
      switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "mean":
          return MEAN;
        case "sum":
          return SUM;
        case "none":
          return NONE;
        default:
          break;
      }
    }
    throw new IllegalArgumentException(
        "reduction (" + name + ") must be one of mean, sum, none");
  }

  /** The lower-case name used on the command line and in JSON. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
