package dev.losslab.gradcheck;

/**
 * The outcome of checking one gradient at one point: the worst disagreement between the analytic
 * gradient and the central difference over the coordinates, whether a kink was seen, and the verdict.
 *
 * @param subject what was checked, e.g. {@code cross-entropy {labelSmoothing=0.1}} or
 *     {@code activation relu}
 * @param point a description of the point, e.g. {@code random 3} or {@code stress ±800}
 * @param value the function value at the point
 * @param maxAbsoluteError {@code max_j |analytic_j − numeric_j|} over the smooth coordinates
 * @param maxRelativeError {@code max_j |analytic_j − numeric_j| / max(|analytic_j|, |numeric_j|)} over
 *     the smooth coordinates whose error exceeds the absolute tolerance (0 when none does)
 * @param kink whether some coordinate is at a kink (its one-sided differences disagree); such a
 *     coordinate passes when the analytic value lies between them (it is a subgradient)
 * @param passed the verdict
 * @param message empty when passed, else the first coordinate at fault with its numbers, or why the
 *     function is undefined there
 * @param undefined whether the function threw an {@link ArithmeticException} at the point or a step
 *     from it (a formula loss outside its domain, {@code log} of a negative score, or whose value does
 *     not fit in a double): there is no derivative to check; such a point neither passes nor fails
 */
public record GradientCheck(String subject, String point, double value, double maxAbsoluteError,
    double maxRelativeError, boolean kink, boolean passed, String message, boolean undefined) {

  /** A check of a point where the function is defined. */
  public GradientCheck(String subject, String point, double value, double maxAbsoluteError,
      double maxRelativeError, boolean kink, boolean passed, String message) {
    this(subject, point, value, maxAbsoluteError, maxRelativeError, kink, passed, message, false);
  }

  /** A point where the function is undefined, with the reason. */
  static GradientCheck undefinedAt(String subject, String point, String reason) {
    return new GradientCheck(subject, point, Double.NaN, Double.NaN, Double.NaN, false, false, reason,
        true);
  }

  /** One line for a table: verdict, subject, point and the errors. */
  @Override
  public String toString() {
    if (undefined) {
      return "n/a  " + subject + " @ " + point + ": undefined — " + message;
    }
    return String.format(java.util.Locale.ROOT, "%s %s @ %s: abs %.2e rel %.2e%s%s",
        passed ? "ok  " : "FAIL", subject, point, maxAbsoluteError, maxRelativeError,
        kink ? " (kink)" : "", message.isEmpty() ? "" : " — " + message);
  }
}
