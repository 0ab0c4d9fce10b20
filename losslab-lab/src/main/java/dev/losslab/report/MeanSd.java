package dev.losslab.report;

/**
 * Mean and sample standard deviation of a few values (the seeds of one configuration), ignoring
 * nothing: a non-finite input makes the mean non-finite, so a diverged run shows instead of hiding.
 *
 * @param mean the arithmetic mean; {@code NaN} for no values
 * @param sd the sample standard deviation (n − 1 in the denominator); 0 for a single value
 * @param count how many values
 */
public record MeanSd(double mean, double sd, int count) {

  /** Mean and standard deviation of {@code values}. */
  public static MeanSd of(double... values) {
    int n = values.length;
    if (n == 0) {
      return new MeanSd(Double.NaN, Double.NaN, 0);
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (n == 1) {
      return new MeanSd(mean, 0.0, 1);
    }
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    return new MeanSd(mean, Math.sqrt(ss / (n - 1)), n);
  }

  /**
   * Mean ± sd of counts (epochs, runs): {@code "16 ± 0"} when every value was the same whole number,
   * else one decimal, {@code "16.3 ± 0.6"}.
   */
  public String formatCount() {
    if (sd == 0 && mean == Math.rint(mean)) {
      return Numbers.count(mean) + " ± 0";
    }
    return format(1);
  }

  /** {@code "0.8512 ± 0.0031"} with {@code digits} decimals. */
  public String format(int digits) {
    // an sd far below the mean's last digit (identical runs: 1.7e-17) reads as 0 at the mean's precision
    boolean fixed = Math.abs(mean) >= Math.pow(10, -digits) && Math.abs(mean) < 1e9
        && Math.abs(sd) < Math.pow(10, -digits);
    return Numbers.format(mean, digits) + " ± "
        + (fixed ? String.format(java.util.Locale.ROOT, "%." + digits + "f", sd) : Numbers.format(sd, digits));
  }
}
