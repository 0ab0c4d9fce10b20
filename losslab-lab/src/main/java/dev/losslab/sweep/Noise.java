package dev.losslab.sweep;

import dev.losslab.data.DenseDataset;
import dev.losslab.data.LabelNoise;
import dev.losslab.report.Numbers;
import java.util.Locale;

/**
 * The label noise of a run's training set: none, or a {@link LabelNoise.Kind} at a rate, drawn with a
 * fixed seed so that every loss and seed of a grid cell trains on the same noisy labels (the test set
 * stays clean). Written {@code none}, {@code symmetric:0.2} or {@code pair:0.4} ({@code pair-flip:0.4}
 * too); a rate of 0 is {@code none}.
 *
 * @param kind the kind of noise, {@code null} for none
 * @param rate the fraction of training labels changed, in [0, 1]; 0 for none
 * @param seed the seed of the draw
 */
public record Noise(LabelNoise.Kind kind, double rate, long seed) {

  /** The seed every noisy training set is drawn with. */
  public static final long SEED = 1L;

  /** Clean labels. */
  public static final Noise NONE = new Noise(null, 0.0, SEED);

  /** Checks the rate; a rate of 0 or no kind is {@link #NONE}'s state. */
  public Noise {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("noise rate (" + rate + ") must be in [0, 1]");
    }
    if (kind == null && rate != 0) {
      throw new IllegalArgumentException("noise rate (" + rate + ") needs a kind: symmetric or pair");
    }
    if (rate == 0) {
      kind = null;
    }
  }

  /**
   * Reads {@code none}, {@code KIND:RATE} with KIND {@code symmetric} or {@code pair}
   * ({@code pair-flip}).
   *
   * @throws IllegalArgumentException naming the text when it is neither
   */
  public static Noise parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("none") || t.equals("0")) {
      return NONE;
    }
    int colon = t.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("noise '" + text + "' must be none, symmetric:RATE or pair:RATE");
    }
    String k = t.substring(0, colon).trim();
    LabelNoise.Kind kind = switch (k) {
      case "symmetric" -> LabelNoise.Kind.SYMMETRIC;
      case "pair", "pair-flip" -> LabelNoise.Kind.PAIR;
      default -> throw new IllegalArgumentException(
          "noise kind '" + k + "' in '" + text + "' must be symmetric or pair");
    };
    double rate;
    try {
      rate = Double.parseDouble(t.substring(colon + 1).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("noise rate in '" + text + "' must be a number");
    }
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("noise rate in '" + text + "' must be in [0, 1]");
    }
    return new Noise(kind, rate, SEED);
  }

  /** Whether the labels are left as they are. */
  public boolean none() {
    return kind == null;
  }

  /** {@code none}, {@code symmetric:0.2} or {@code pair-flip:0.4}: what {@link #parse} reads back. */
  public String describe() {
    return none() ? "none" : kind.label() + ":" + Numbers.exact(rate);
  }

  /** {@code train} with this noise on its labels ({@code train} itself for none). */
  public DenseDataset apply(DenseDataset train) {
    return none() ? train : kind.apply(train, rate, seed);
  }
}
