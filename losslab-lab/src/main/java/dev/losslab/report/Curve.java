package dev.losslab.report;

import java.util.Objects;

/**
 * One line of a {@link LinePlot}: points {@code (x[i], y[i])} and, optionally, a band from
 * {@code lower[i]} to {@code upper[i]} drawn as a translucent area in the line's colour (the
 * mean ± sd across seeds). Non-finite points are left out when drawn.
 *
 * @param name legend entry
 * @param x abscissae, increasing
 * @param y ordinates
 * @param lower lower edge of the band, or {@code null} for no band
 * @param upper upper edge of the band, or {@code null}
 * @param dashed whether to draw the line dashed (a reference or second family of curves)
 * @param markers whether to mark each point (few points, e.g. one per class)
 */
public record Curve(String name, double[] x, double[] y, double[] lower, double[] upper,
    boolean dashed, boolean markers) {

  public Curve {
    Objects.requireNonNull(name, "name");
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "curve '" + name + "': x length (" + x.length + ") != y length (" + y.length + ")");
    }
    if ((lower == null) != (upper == null)) {
      throw new IllegalArgumentException("curve '" + name + "': band needs both lower and upper");
    }
    if (lower != null && (lower.length != x.length || upper.length != x.length)) {
      throw new IllegalArgumentException(
          "curve '" + name + "': band length (" + lower.length + ", " + upper.length
              + ") != x length (" + x.length + ")");
    }
  }

  /** A plain line. */
  public static Curve of(String name, double[] x, double[] y) {
    return new Curve(name, x, y, null, null, false, false);
  }

  /** A dashed line. */
  public static Curve dashed(String name, double[] x, double[] y) {
    return new Curve(name, x, y, null, null, true, false);
  }

  /** A line at {@code mean} with a band {@code mean ± sd}. */
  public static Curve withBand(String name, double[] x, double[] mean, double[] sd) {
    double[] lo = new double[mean.length];
    double[] hi = new double[mean.length];
    for (int i = 0; i < mean.length; i++) {
      lo[i] = mean[i] - sd[i];
      hi[i] = mean[i] + sd[i];
    }
    return new Curve(name, x, mean, lo, hi, false, false);
  }

  /** A line with a marker at each point. */
  public static Curve points(String name, double[] x, double[] y) {
    return new Curve(name, x, y, null, null, false, true);
  }

  /** Whether this curve has a band. */
  public boolean hasBand() {
    return lower != null;
  }
}
