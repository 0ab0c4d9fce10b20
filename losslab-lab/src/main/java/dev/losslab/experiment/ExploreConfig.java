package dev.losslab.experiment;

import java.util.List;

/**
 * What {@code explore} draws.
 *
 * @param losses the losses of the multi-class figures (score sweeps and the per-class gradient signs)
 * @param lo lower end of the score axis
 * @param hi upper end of the score axis
 * @param targets the targets {@code d ∈ [0, 1]} of the KL-vs-L2 figures
 * @param points points per curve
 */
public record ExploreConfig(List<LossChoice> losses, double lo, double hi, double[] targets,
    int points) {

  /** The losses drawn when none are given. */
  public static final String DEFAULT_LOSSES = "cross-entropy,softmax-mse,mse,exp-mse,mae,gce,taylor-ce";

  public ExploreConfig {
    losses = List.copyOf(losses);
    if (losses.isEmpty()) {
      throw new IllegalArgumentException("--loss needs at least one loss");
    }
    if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException(
          "--range (" + lo + ":" + hi + ") must be two finite numbers lo:hi with lo < hi");
    }
    for (double d : targets) {
      if (!(d >= 0 && d <= 1)) {
        throw new IllegalArgumentException("--target (" + d + ") must be in [0, 1]");
      }
    }
    if (targets.length == 0) {
      throw new IllegalArgumentException("--target needs at least one value");
    }
    if (points < 3) {
      throw new IllegalArgumentException("points (" + points + ") must be >= 3");
    }
  }

  /** Parses {@code lo:hi}. */
  public static double[] parseRange(String text) {
    String[] p = text.split(":");
    if (p.length != 2) {
      throw new IllegalArgumentException("--range (" + text + ") must be lo:hi, e.g. -10:10");
    }
    try {
      return new double[] {Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim())};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--range (" + text + ") must be two numbers lo:hi");
    }
  }

  /** Parses a comma-separated list of targets. */
  public static double[] parseTargets(String text) {
    String[] p = text.split(",");
    double[] d = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      try {
        d[i] = Double.parseDouble(p[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--target (" + p[i].trim() + ") must be a number in [0, 1]");
      }
    }
    return d;
  }
}
