package dev.losslab.text;

/**
 * The settings of {@link Quantizer#quantize}, with the defaults of fastText 0.9.2's {@code quantize}:
 * cutoff 0 (keep every row), no {@code qnorm}, no {@code qout}, dsub 2, no {@code retrain}, and for
 * retraining the values {@code fasttext quantize} parses with its non-supervised defaults: epoch 5,
 * lr 0.05 (main.cc:99-113, args.cc:20-54). One difference, as in {@code supervised}: {@code thread}
 * defaults to the number of available processors rather than 12.
 *
 * @param cutoff keep only the {@code cutoff} input rows of largest norm (words and buckets; {@code </s>}
 *     always); 0, or a value not below the number of rows, keeps them all
 * @param qnorm quantize each row's norm separately (the rows are normalised before their codes)
 * @param qout quantize the output matrix too (with dsub 2; it needs at least 256 rows, i.e. labels)
 * @param dsub values per sub-vector of the input matrix ({@code >= 1})
 * @param retrain fine-tune the kept rows and the output matrix after a cutoff (nothing without one,
 *     as in fastText)
 * @param epoch epochs of retraining ({@code >= 1})
 * @param lr learning rate of retraining ({@code > 0})
 * @param thread threads of retraining and of the k-means assignments ({@code >= 1})
 */
public record QuantizeOptions(int cutoff, boolean qnorm, boolean qout, int dsub, boolean retrain,
    int epoch, double lr, int thread) {

  /**
   * @throws IllegalArgumentException naming the flag and value, e.g. {@code -dsub (0) must be >= 1}
   */
  public QuantizeOptions {
    if (cutoff < 0) {
      throw new IllegalArgumentException("-cutoff (" + cutoff + ") must be >= 0");
    }
    if (dsub < 1) {
      throw new IllegalArgumentException("-dsub (" + dsub + ") must be >= 1");
    }
    if (epoch < 1) {
      throw new IllegalArgumentException("-epoch (" + epoch + ") must be > 0");
    }
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException("-lr (" + lr + ") must be > 0 and finite");
    }
    if (thread < 1) {
      throw new IllegalArgumentException("-thread (" + thread + ") must be > 0");
    }
  }

  /** fastText's quantize defaults (threads: the available processors). */
  public static QuantizeOptions defaults() {
    return new QuantizeOptions(0, false, false, 2, false, 5, 0.05,
        Runtime.getRuntime().availableProcessors());
  }

  public QuantizeOptions withCutoff(int v) {
    return new QuantizeOptions(v, qnorm, qout, dsub, retrain, epoch, lr, thread);
  }

  public QuantizeOptions withQnorm(boolean v) {
    return new QuantizeOptions(cutoff, v, qout, dsub, retrain, epoch, lr, thread);
  }

  public QuantizeOptions withQout(boolean v) {
    return new QuantizeOptions(cutoff, qnorm, v, dsub, retrain, epoch, lr, thread);
  }

  public QuantizeOptions withDsub(int v) {
    return new QuantizeOptions(cutoff, qnorm, qout, v, retrain, epoch, lr, thread);
  }

  public QuantizeOptions withRetrain(boolean v) {
    return new QuantizeOptions(cutoff, qnorm, qout, dsub, v, epoch, lr, thread);
  }

  public QuantizeOptions withEpoch(int v) {
    return new QuantizeOptions(cutoff, qnorm, qout, dsub, retrain, v, lr, thread);
  }

  public QuantizeOptions withLr(double v) {
    return new QuantizeOptions(cutoff, qnorm, qout, dsub, retrain, epoch, v, thread);
  }

  public QuantizeOptions withThread(int v) {
    return new QuantizeOptions(cutoff, qnorm, qout, dsub, retrain, epoch, lr, v);
  }
}
