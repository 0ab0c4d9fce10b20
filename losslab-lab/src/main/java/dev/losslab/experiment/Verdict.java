package dev.losslab.experiment;

/**
 * The verdict line of an experiment, built from a measured condition: "Verdict: supported" or
 * "Verdict: not supported", followed by the measured numbers and the threshold that decided it.
 */
public final class Verdict {
  private Verdict() {}

  /**
   * @param claim the short claim, e.g. "MSE pushes incorrect classes up"
   * @param holds whether the measured numbers meet the stated threshold
   * @param evidence the numbers and the threshold, e.g. "12.3 % of incorrect classes (threshold 5 %)"
   */
  public static String of(String claim, boolean holds, String evidence) {
    return "Verdict: " + (holds ? "supported" : "not supported") + " — " + claim + ": " + evidence + ".";
  }

  /** A percentage with one decimal, e.g. {@code 12.3 %}. */
  public static String pct(double fraction) {
    return Double.isFinite(fraction)
        ? String.format(java.util.Locale.ROOT, "%.1f %%", 100 * fraction) : "n/a";
  }

  /** A count or a mean of counts: {@code 16}, or {@code 16.3} when the mean is not whole. */
  public static String count(double v) {
    return dev.losslab.report.Numbers.count(v);
  }

  /** A number with 4 decimals (a measurement, not a count: see {@link #count}). */
  public static String num(double v) {
    return dev.losslab.report.Numbers.format(v, 4);
  }
}
