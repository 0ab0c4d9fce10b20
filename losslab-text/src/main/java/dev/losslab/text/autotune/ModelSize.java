package dev.losslab.text.autotune;

import java.util.Locale;

/**
 * {@code -autotune-modelsize}: the largest {@code .ftz} the search may produce, and how a trial's
 * quantization is set to reach it (fastText's autotune.cc). A trial is quantized with norms apart
 * ({@code qnorm}), the output matrix quantized too when it has at least 256 rows ({@code qout}), the
 * kept rows fine-tuned ({@code retrain}), and the cutoff that the size leaves room for:
 *
 * <pre>
 *   output = qout ? 21 + L·⌈d/2⌉ + (16 + 4·256·d) + (qnorm ? L : 0)   // codes, centroids, norms
 *                 : 16 + 4·L·d                                         // a dense output matrix
 *   cutoff = (size − 107 − 4·256·d − output) / (⌈d/dsub⌉ + (qnorm ? 1 : 0) + 10)
 * </pre>
 *
 * for {@code L} output rows and dimension {@code d}: 107 bytes of header, the input quantizer's 256
 * centroids, and per kept row its codes, its norm code and about ten bytes of dictionary entry. A
 * cutoff of at most 256 means the size cannot be reached: the trial is skipped.
 *
 * @param bytes the size asked for
 * @param text as given
 */
public record ModelSize(long bytes, String text) {

  /** The smallest cutoff that counts: a size that leaves no more rows is not reachable. */
  public static final int MIN_CUTOFF = 256;

  /**
   * Parses a size as fastText does: a number of bytes, or with {@code k}/{@code K} (×1,000),
   * {@code m}/{@code M} (×1,000,000) or {@code g}/{@code G} (×1,000,000,000), e.g. {@code 2M}.
   *
   * @throws IllegalArgumentException naming the flag and the text
   */
  public static ModelSize parse(String text) {
    String t = text.strip();
    long unit = 1;
    String number = t;
    if (!t.isEmpty()) {
      char last = t.charAt(t.length() - 1);
      unit = switch (last) {
        case 'k', 'K' -> 1_000L;
        case 'm', 'M' -> 1_000_000L;
        case 'g', 'G' -> 1_000_000_000L;
        default -> 1L;
      };
      if (unit > 1) {
        number = t.substring(0, t.length() - 1);
      }
    }
    long n;
    try {
      n = Long.parseLong(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-autotune-modelsize " + text
          + ": not a size (a number of bytes, or with k, M or G: 2M)");
    }
    if (n <= 0) {
      throw new IllegalArgumentException("-autotune-modelsize " + text + ": the size must be > 0");
    }
    if (n > Long.MAX_VALUE / unit) {
      throw new IllegalArgumentException("-autotune-modelsize " + text + ": too large");
    }
    return new ModelSize(n * unit, t);
  }

  /** Whether the output matrix of {@code outputRows} rows is quantized too (fastText: ≥ 256 rows). */
  public static boolean quantizeOutput(int outputRows) {
    return outputRows >= MIN_CUTOFF;
  }

  /**
   * The rows a trial may keep; {@link #MIN_CUTOFF} when the size cannot be reached.
   *
   * @param outputRows rows of the output matrix (labels, or internal nodes for hs)
   * @param dim the model's dimension
   * @param qout whether the output matrix is quantized
   * @param qnorm whether the norms are quantized apart
   * @param dsub the sub-vector size
   */
  public int cutoff(int outputRows, int dim, boolean qout, boolean qnorm, int dsub) {
    long output;
    if (qout) {
      output = 21 + (long) outputRows * ((dim + 1) / 2) + (16 + 4L * 256 * dim) + (qnorm ? outputRows : 0);
    } else {
      output = 16 + 4L * outputRows * dim;
    }
    long room = bytes - 107 - 4L * 256 * dim - output;
    long perRow = (dim + dsub - 1) / dsub + (qnorm ? 1 : 0) + 10;
    long cutoff = room / perRow;
    return (int) Math.max(MIN_CUTOFF, Math.min(Integer.MAX_VALUE, cutoff));
  }

  /** The quantizer's settings for a trial, or none when the size cannot be reached. */
  public java.util.Optional<Quantizer.Settings> settings(TrialArgs trial, int outputRows) {
    boolean qout = quantizeOutput(outputRows);
    int cutoff = cutoff(outputRows, trial.args().dim(), qout, true, trial.dsub());
    if (cutoff <= MIN_CUTOFF) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Quantizer.Settings(cutoff, trial.dsub(), true, qout, true,
        trial.args().epoch(), trial.args().lr(), trial.args().thread()));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (%d bytes)", text, bytes);
  }
}
