package dev.losslab.gradcheck;

import dev.losslab.loss.Loss;
import dev.losslab.loss.Target;
import dev.losslab.unit.Activation;
import dev.losslab.unit.OutputUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Checks analytic gradients against central differences in double: for any {@link Loss} (built-in or
 * your own), {@link Activation} or {@link OutputUnit}, at given or random points, and the standard
 * suite for every built-in name ({@link #checkBuiltIn}).
 *
 * <p>Method, per coordinate {@code j}: step {@code h = 1e-6} (the exact representable step
 * {@code (x_j + h) − x_j} is used), numeric derivative {@code (f(x + h e_j) − f(x − h e_j)) / 2h}. The
 * tolerances are Deeplearning4j's: a coordinate passes when its relative error
 * {@code |a − n| / max(|a|, |n|)} is at most {@code 1e-5}, or its absolute error is at most
 * {@code 1e-8} plus four times the rounding noise of the difference quotient,
 * {@code 4·ε·max|f| / h} with {@code ε = 2⁻⁵²} (scale-aware: at scores of 1e4 the values are 1e4 and
 * the quotient cannot be better than ~1e-6). A coordinate that fails this is retried once with the
 * Richardson extrapolation {@code n(h/10) + (n(h/10) − n(h))/9} (tolerance ×10), which removes the
 * O(h) bias of the central difference where only the second derivative jumps (squared hinge at the
 * margin, ReLU followed by MSE at 0); a wrong gradient fails both.
 *
 * <p>Kinks: when the one-sided differences {@code (f(x+h) − f(x))/h} and {@code (f(x) − f(x−h))/h}
 * disagree by more than a tenth of their size, and still do with a step of {@code h/10} (so the gap is a
 * jump of the derivative, not curvature), as for MAE at {@code s = y}, ReLU at 0 or hinge at the margin,
 * the coordinate is flagged as a kink instead of failed; it passes if the analytic value lies between the two
 * (within the tolerance), i.e. it is a valid subgradient. A NaN or infinite value or gradient fails.
 * A function that throws an {@link ArithmeticException} at the point or a step from it (a formula loss
 * outside its domain, or whose value overflows: {@code FormulaDomainException}) has nothing to check
 * there: the point is reported as undefined ({@link GradientCheck#undefined()}), neither passed nor
 * failed.
 */
public final class GradientChecker {
  /** The difference step. */
  public static final double STEP = 1e-6;
  /** The largest relative error that passes. */
  public static final double MAX_RELATIVE_ERROR = 1e-5;
  /** The absolute error that always passes (plus the rounding noise). */
  public static final double MIN_ABSOLUTE_ERROR = 1e-8;

  private static final double MACHINE_EPSILON = Math.ulp(1.0);

  private GradientChecker() {}

  /** A scalar function of a vector, for the generic check. */
  @FunctionalInterface
  public interface Function {
    /** The value at {@code x}; when {@code gradient} is not null, also writes the analytic gradient. */
    double apply(double[] x, double[] gradient);
  }

  /**
   * Checks {@code loss} on example {@code row} of {@code target}, at the scores {@code s} (length k).
   *
   * @throws IllegalArgumentException if the target does not suit the loss ({@link Loss#validate}) or
   *     {@code row} is not one of its examples
   */
  public static GradientCheck check(Loss loss, double[] s, Target target, int row, String point) {
    int k = s.length;
    loss.validate(target, target.rows(), k);
    if (row < 0 || row >= target.rows()) {
      throw new IllegalArgumentException(
          "row (" + row + ") must be in [0, " + target.rows() + ") for this target");
    }
    double[] scratch = new double[k];
    return check(loss.name(), point, s.clone(), (x, g) -> loss.evaluate(x, 0, k, target, row,
        g == null ? scratch : g, 0));
  }

  /** Checks {@code loss} on every example of a batch ({@code n × k} row-major scores). */
  public static List<GradientCheck> check(Loss loss, double[] scores, int n, int k, Target target) {
    List<GradientCheck> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] row = new double[k];
      System.arraycopy(scores, i * k, row, 0, k);
      results.add(check(loss, row, target, i, "example " + i));
    }
    return results;
  }

  /**
   * Checks {@code loss} at {@code points} random score vectors (normal, standard deviation 3, fixed
   * {@code seed}) for example 0 of {@code target}, whose shape must suit {@code k} scores.
   */
  public static List<GradientCheck> checkRandom(Loss loss, int k, Target target, int points, long seed) {
    Random random = new Random(seed);
    List<GradientCheck> results = new ArrayList<>();
    for (int p = 0; p < points; p++) {
      double[] s = new double[k];
      for (int j = 0; j < k; j++) {
        s[j] = 3 * random.nextGaussian();
      }
      results.add(check(loss, s, target, 0, "random " + p));
    }
    return results;
  }

  /** Checks {@code f'(x)} of an activation at {@code x}. */
  public static GradientCheck check(Activation activation, double x) {
    return check("activation " + activation.name(), "x = " + x, new double[] {x}, (v, g) -> {
      double y = activation.value(v[0]);
      if (g != null) {
        g[0] = activation.derivative(v[0], y);
      }
      return y;
    });
  }

  /** Checks an activation at {@code points} random inputs (normal, standard deviation 3, fixed seed). */
  public static List<GradientCheck> checkRandom(Activation activation, int points, long seed) {
    Random random = new Random(seed);
    List<GradientCheck> results = new ArrayList<>();
    for (int p = 0; p < points; p++) {
      results.add(check(activation, 3 * random.nextGaussian()));
    }
    return results;
  }

  /**
   * Checks an output unit at {@code points} random score vectors of length {@code k} (normal, standard
   * deviation 3), each along a random normal direction; fixed {@code seed}.
   */
  public static List<GradientCheck> checkRandom(OutputUnit unit, int k, int points, long seed) {
    Random random = new Random(seed);
    List<GradientCheck> results = new ArrayList<>();
    for (int p = 0; p < points; p++) {
      double[] s = new double[k];
      double[] u = new double[k];
      for (int j = 0; j < k; j++) {
        s[j] = 3 * random.nextGaussian();
        u[j] = random.nextGaussian();
      }
      results.add(check(unit, s, u, "random " + p));
    }
    return results;
  }

  /**
   * Checks the Jacobian-vector product of an output unit at scores {@code s} along direction
   * {@code u}: the gradient of {@code ⟨u, f(s)⟩} is {@code backward(u)}.
   */
  public static GradientCheck check(OutputUnit unit, double[] s, double[] u, String point) {
    int k = s.length;
    double[] a = new double[k];
    return check("output unit " + unit.name(), point, s.clone(), (x, g) -> {
      unit.forward(x, 0, k, a, 0);
      double dot = 0;
      for (int j = 0; j < k; j++) {
        dot += u[j] * a[j];
      }
      if (g != null) {
        unit.backward(x, 0, a, 0, k, u, 0, g, 0);
      }
      return dot;
    });
  }

  /** The generic check of {@code f} at {@code x} (not changed). */
  public static GradientCheck check(String subject, String point, double[] x, Function f) {
    try {
      return checkDefined(subject, point, x, f);
    } catch (ArithmeticException e) {
      return GradientCheck.undefinedAt(subject, point, e.getMessage());
    }
  }

  private static GradientCheck checkDefined(String subject, String point, double[] x, Function f) {
    int k = x.length;
    double[] xs = x.clone();
    double[] analytic = new double[k];
    double value = f.apply(xs, analytic);
    if (!Double.isFinite(value)) {
      return new GradientCheck(subject, point, value, Double.NaN, Double.NaN, false, false,
          "value is " + value);
    }
    for (int j = 0; j < k; j++) {
      if (!Double.isFinite(analytic[j])) {
        return new GradientCheck(subject, point, value, Double.NaN, Double.NaN, false, false,
            "gradient " + j + " is " + analytic[j]);
      }
    }
    double maxAbs = 0;
    double maxRel = 0;
    boolean kink = false;
    String message = "";
    for (int j = 0; j < k; j++) {
      double xj = xs[j];
      double up = xj + STEP;
      double down = xj - STEP;
      xs[j] = up;
      double fUp = f.apply(xs, null);
      xs[j] = down;
      double fDown = f.apply(xs, null);
      xs[j] = xj;
      double hUp = up - xj;
      double hDown = xj - down;
      double numeric = (fUp - fDown) / (hUp + hDown);
      double forward = (fUp - value) / hUp;
      double backward = (value - fDown) / hDown;
      double scale = Math.max(Math.abs(value), Math.max(Math.abs(fUp), Math.abs(fDown)));
      double noise = 4 * MACHINE_EPSILON * scale / Math.min(hUp, hDown);
      double tolerance = MIN_ABSOLUTE_ERROR + 4 * noise;
      double a = analytic[j];
      if (!Double.isFinite(numeric)) {
        message = first(message, "numeric derivative " + j + " is " + numeric);
        continue;
      }
      double oneSided = Math.abs(forward - backward);
      if (oneSided > 0.1 * Math.max(Math.abs(forward), Math.abs(backward)) + 2 * (MIN_ABSOLUTE_ERROR + noise)
          && persists(f, xs, j, value, oneSided)) {
        kink = true;
        double lo = Math.min(forward, backward) - tolerance;
        double hi = Math.max(forward, backward) + tolerance;
        if (!(a >= lo && a <= hi)) {
          message = first(message, String.format(java.util.Locale.ROOT,
              "coordinate %d at a kink: analytic %.17g outside the one-sided range [%.17g, %.17g]",
              j, a, forward, backward));
        }
        continue;
      }
      double err = Math.abs(a - numeric);
      if (err > tolerance && err > MAX_RELATIVE_ERROR * Math.max(Math.abs(a), Math.abs(numeric))) {
        // at a point where only f'' jumps (squared hinge at the margin, ReLU then MSE at 0) the
        // central difference has an O(h) bias: remove it by Richardson extrapolation with h/10
        double refined = richardson(f, xs, j, numeric);
        double refinedErr = Math.abs(a - refined);
        if (refinedErr < err) {
          err = refinedErr;
          numeric = refined;
          tolerance *= 10;
        }
      }
      maxAbs = Math.max(maxAbs, err);
      if (err > tolerance) {
        double rel = err / Math.max(Math.abs(a), Math.abs(numeric));
        maxRel = Math.max(maxRel, rel);
        if (rel > MAX_RELATIVE_ERROR) {
          message = first(message, String.format(java.util.Locale.ROOT,
              "coordinate %d: analytic %.17g, numeric %.17g (relative error %.3g)", j, a, numeric, rel));
        }
      }
    }
    return new GradientCheck(subject, point, value, maxAbs, maxRel, kink, message.isEmpty(), message);
  }

  /**
   * Whether the gap between the one-sided differences survives a step ten times smaller: at a kink it
   * is the jump of the derivative and stays; at a smooth point it is {@code h·f''} and shrinks.
   */
  private static boolean persists(Function f, double[] xs, int j, double value, double gap) {
    double xj = xs[j];
    double up = xj + STEP / 10;
    double down = xj - STEP / 10;
    xs[j] = up;
    double fUp = f.apply(xs, null);
    xs[j] = down;
    double fDown = f.apply(xs, null);
    xs[j] = xj;
    double small = Math.abs((fUp - value) / (up - xj) - (value - fDown) / (xj - down));
    return small > 0.5 * gap;
  }

  /** {@code n(h/10) + (n(h/10) − n(h))/9}: the central difference without its O(h) term. */
  private static double richardson(Function f, double[] xs, int j, double coarse) {
    double xj = xs[j];
    double up = xj + STEP / 10;
    double down = xj - STEP / 10;
    xs[j] = up;
    double fUp = f.apply(xs, null);
    xs[j] = down;
    double fDown = f.apply(xs, null);
    xs[j] = xj;
    double fine = (fUp - fDown) / (up - down);
    return fine + (fine - coarse) / 9;
  }

  private static String first(String message, String candidate) {
    return message.isEmpty() ? candidate : message;
  }

  /**
   * The standard suite for a built-in name (a loss, a composed loss {@code <unit>-<divergence>}, an
   * output unit or an activation): random points plus the stress points (scores ±40, ±800, ±1e4,
   * ties, kinks) for every option variant. Any other loss name {@link dev.losslab.loss.Losses#create}
   * accepts (one from a {@link dev.losslab.loss.LossProvider} on the class path) gets the same points
   * with its default options, for each kind of target its {@code validate} accepts (labels, probability
   * rows, rows in [0, 1], real rows). See {@link BuiltInSuite}.
   *
   * @throws IllegalArgumentException for an unknown name, or a loss that accepts none of those targets
   */
  public static List<GradientCheck> checkBuiltIn(String name) {
    return BuiltInSuite.run(name);
  }

  /** Every name {@link #checkBuiltIn} accepts: losses, composed losses, output units, activations. */
  public static List<String> builtInNames() {
    return BuiltInSuite.names();
  }

  /** Whether every check passed. */
  public static boolean allPassed(List<GradientCheck> checks) {
    for (GradientCheck c : checks) {
      if (!c.passed()) {
        return false;
      }
    }
    return true;
  }
}
