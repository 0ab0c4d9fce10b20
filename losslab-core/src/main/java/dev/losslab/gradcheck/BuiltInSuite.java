package dev.losslab.gradcheck;

import dev.losslab.formula.FormulaLoss;
import dev.losslab.loss.Loss;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Target;
import dev.losslab.unit.Activation;
import dev.losslab.unit.OutputUnit;
import dev.losslab.unit.Units;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The standard gradient-check suite behind {@link GradientChecker#checkBuiltIn}: for a loss, every
 * option variant below with a suitable target, at 4 random points (K = 5, scores N(0, 3²), fixed seed)
 * and the stress points: for B in 40, 800, 1e4 the rows {@code [B, −B, 0, B/2, −B/2]},
 * {@code [−B, −B, −B, −B, B]} and the tie {@code [B, B, B, B, B]}, plus all zeros and a kink (scores equal
 * to the target for the regression losses, a score exactly at the margin for the hinge losses; for
 * {@code sparsemax} a label's one-hot row, where the other scores sit exactly on the threshold). The zero row
 * is left out for {@code cosine}, which is not continuous there. Losses and
 * units built on {@code exp} have their positive stress scores capped at 300, since above ≈ 355 their true
 * value is not representable. Activations are checked at 8 random points and
 * {@code 0, ±1e-3, ±1, ±40, ±800, ±1e4}; output units at the loss stress rows along a random direction.
 *
 * <p>Any other loss {@link Losses#create} makes (a {@link dev.losslab.loss.LossProvider}'s, for one)
 * is checked with its default options on every target kind its {@link Loss#validate} accepts, among
 * class labels, probability rows, rows in [0, 1] and real rows, at the same random and stress points,
 * without the exp cap: a value that overflows fails its point.
 */
final class BuiltInSuite {
  private static final int K = 5;
  private static final long SEED = 20261122L;
  private static final double EXP_CAP = 300;

  /** Which kind of target a variant needs. */
  enum TargetKind { LABELS, DISTRIBUTION, LOG_DISTRIBUTION, UNIT_INTERVAL, REAL, COUNT }

  /** One option variant of a loss. */
  record Variant(Map<String, Object> options, TargetKind target) {}

  private BuiltInSuite() {}

  static List<String> names() {
    Set<String> names = new LinkedHashSet<>(Losses.names());
    names.addAll(Losses.composedNames());
    names.addAll(Units.outputUnitNames());
    names.addAll(Units.activationNames());
    return List.copyOf(names);
  }

  static List<GradientCheck> run(String name) {
    String trimmed = name == null ? "" : name.trim();
    // a formula keeps its case (K is not k); every other name is case-insensitive
    String key = FormulaLoss.isFormula(trimmed) ? trimmed : trimmed.toLowerCase(Locale.ROOT);
    List<GradientCheck> results = new ArrayList<>();
    boolean unit = Units.outputUnitNames().contains(key);
    boolean activation = Units.activationNames().contains(key);
    if (activation) {
      results.addAll(activation(Units.activation(key)));
    }
    if (unit) {
      results.addAll(outputUnit(Units.outputUnit(key)));
    }
    if (!unit && !activation) {
      Loss loss = Losses.create(key); // rejects an unknown name with the list of known ones
      for (Variant v : builtInLoss(key) ? variants(key) : acceptedVariants(key, loss)) {
        results.addAll(loss(key, v));
      }
    }
    return results;
  }

  private static boolean builtInLoss(String name) {
    return Losses.names().contains(name) || Losses.composedNames().contains(name);
  }

  /** The target kinds tried on a loss that is not built in, in order. */
  private static final List<TargetKind> PROBED =
      List.of(TargetKind.LABELS, TargetKind.DISTRIBUTION, TargetKind.UNIT_INTERVAL, TargetKind.REAL);

  /**
   * One variant, default options, per target kind of {@link #PROBED} that {@code loss} accepts for an
   * example of {@code K} scores.
   *
   * @throws IllegalArgumentException when it accepts none, with what it said to each
   */
  static List<Variant> acceptedVariants(String name, Loss loss) {
    List<Variant> accepted = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    for (TargetKind kind : PROBED) {
      Target t = target(kind, new Random(SEED));
      try {
        loss.validate(t, 1, K);
        accepted.add(v(Map.of(), kind));
      } catch (IllegalArgumentException e) {
        refusals.add(kindName(kind) + ": " + e.getMessage());
      }
    }
    if (accepted.isEmpty()) {
      throw new IllegalArgumentException("loss '" + name + "' accepts none of the targets the checker"
          + " tries for " + K + " scores (" + String.join("; ", refusals) + ")");
    }
    return accepted;
  }

  private static String kindName(TargetKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static List<Variant> variants(String name) {
    double[] w = {0.5, 1.0, 2.0, 1.5, 0.8};
    double[] pw = {0.5, 2.0, 1.0, 3.0, 1.2};
    switch (name) {
      case "cross-entropy":
        return List.of(v(Map.of(), TargetKind.LABELS), v(Map.of(), TargetKind.DISTRIBUTION),
            v(Map.of("weight", w), TargetKind.LABELS), v(Map.of("ignoreIndex", 2), TargetKind.LABELS),
            v(Map.of("labelSmoothing", 0.1), TargetKind.LABELS),
            v(Map.of("labelSmoothing", 0.2, "weight", w), TargetKind.LABELS),
            v(Map.of("labelSmoothing", 0.3, "weight", w), TargetKind.DISTRIBUTION));
      case "nll":
        return List.of(v(Map.of(), TargetKind.LABELS), v(Map.of("weight", w), TargetKind.LABELS),
            v(Map.of("ignoreIndex", 1), TargetKind.LABELS));
      case "binary-cross-entropy":
        return List.of(v(Map.of(), TargetKind.UNIT_INTERVAL), v(Map.of(), TargetKind.LABELS),
            v(Map.of("weight", w), TargetKind.UNIT_INTERVAL),
            v(Map.of("posWeight", pw), TargetKind.UNIT_INTERVAL),
            v(Map.of("weight", w, "posWeight", pw), TargetKind.UNIT_INTERVAL));
      case "huber":
        return List.of(v(Map.of(), TargetKind.REAL), v(Map.of("delta", 0.5), TargetKind.REAL),
            v(Map.of("delta", 2.5), TargetKind.LABELS));
      case "smooth-l1":
        return List.of(v(Map.of(), TargetKind.REAL), v(Map.of("beta", 0.0), TargetKind.REAL),
            v(Map.of("beta", 0.5), TargetKind.LABELS));
      case "softmax-mse":
        return List.of(v(Map.of(), TargetKind.LABELS), v(Map.of(), TargetKind.DISTRIBUTION));
      case "exp-mse":
      case "poisson":
        return List.of(v(Map.of(), TargetKind.COUNT), v(Map.of(), TargetKind.LABELS));
      case "kl-divergence":
        return List.of(v(Map.of(), TargetKind.DISTRIBUTION),
            v(Map.of("logTarget", true), TargetKind.LOG_DISTRIBUTION));
      case "hinge":
      case "squared-hinge":
        return List.of(v(Map.of(), TargetKind.LABELS), v(Map.of("margin", 0.5), TargetKind.LABELS),
            v(Map.of("margin", 2.0, "weight", w), TargetKind.LABELS));
      case "focal":
        return List.of(v(Map.of("gamma", 0.0), TargetKind.LABELS),
            v(Map.of("gamma", 0.5), TargetKind.LABELS),
            v(Map.of("gamma", 2.0, "alpha", 0.25), TargetKind.LABELS),
            v(Map.of("gamma", 5.0), TargetKind.LABELS));
      case "poly1":
        return List.of(v(Map.of(), TargetKind.LABELS), v(Map.of(), TargetKind.DISTRIBUTION),
            v(Map.of("epsilon", -1.0), TargetKind.LABELS),
            v(Map.of("epsilon", 0.5), TargetKind.DISTRIBUTION),
            v(Map.of("epsilon", 5.45), TargetKind.LABELS));
      case "gce":
        return List.of(v(Map.of(), TargetKind.LABELS), v(Map.of("q", 1e-3), TargetKind.LABELS),
            v(Map.of("q", 0.3), TargetKind.LABELS), v(Map.of("q", 1.0), TargetKind.LABELS));
      case "sce":
        return List.of(v(Map.of(), TargetKind.LABELS),
            v(Map.of("alpha", 1.0, "beta", 0.5), TargetKind.LABELS),
            v(Map.of("alpha", 0.0, "beta", 1.0), TargetKind.LABELS));
      case "nce-rce":
      case "nce-mae":
        return List.of(v(Map.of(), TargetKind.LABELS),
            v(Map.of("alpha", 0.5, "beta", 2.0), TargetKind.LABELS),
            v(Map.of("alpha", 1.0, "beta", 0.0), TargetKind.LABELS));
      case "taylor-ce":
        return List.of(v(Map.of("order", 1), TargetKind.LABELS), v(Map.of(), TargetKind.LABELS),
            v(Map.of("order", 6), TargetKind.LABELS), v(Map.of("order", 50), TargetKind.LABELS));
      case "sparsemax":
        return List.of(v(Map.of(), TargetKind.LABELS));
      case "sigmoid-focal":
        return List.of(v(Map.of(), TargetKind.UNIT_INTERVAL), v(Map.of(), TargetKind.LABELS),
            v(Map.of("gamma", 0.0, "alpha", -1.0), TargetKind.UNIT_INTERVAL),
            v(Map.of("gamma", 0.5, "alpha", 0.75), TargetKind.UNIT_INTERVAL),
            v(Map.of("gamma", 5.0, "alpha", -1.0), TargetKind.LABELS));
      case "rescaled-mse":
        return List.of(v(Map.of(), TargetKind.LABELS),
            v(Map.of("k", 15.0, "M", 30.0), TargetKind.LABELS),
            v(Map.of("k", 0.5, "M", 2.0), TargetKind.LABELS));
      case "cosine":
        return List.of(v(Map.of(), TargetKind.REAL), v(Map.of(), TargetKind.UNIT_INTERVAL),
            v(Map.of(), TargetKind.DISTRIBUTION));
      case "mse":
      case "l2":
      case "mae":
      case "log-cosh":
        return List.of(v(Map.of(), TargetKind.REAL), v(Map.of(), TargetKind.LABELS));
      default:
        return List.of(v(Map.of(), TargetKind.UNIT_INTERVAL)); // composed <unit>-<divergence>
    }
  }

  private static Variant v(Map<String, Object> options, TargetKind target) {
    return new Variant(options, target);
  }

  private static boolean expFamily(String name) {
    return name.equals("exp") || name.equals("poisson")
        || (name.startsWith("exp-") && builtInLoss(name));
  }

  static List<GradientCheck> loss(String name, Variant variant) {
    Loss loss = Losses.create(name, variant.options());
    String subject = name + (variant.options().isEmpty() ? "" : " " + show(variant.options()))
        + " [" + kindName(variant.target()) + " target]";
    Random random = new Random(SEED ^ subject.hashCode());
    List<GradientCheck> results = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      double[] s = new double[K];
      for (int j = 0; j < K; j++) {
        s[j] = 3 * random.nextGaussian();
      }
      results.add(one(loss, subject, "random " + p, s, target(variant.target(), random)));
    }
    for (double[] row : stressRows(expFamily(name))) {
      if (name.equals("cosine") && isZero(row)) {
        continue; // the cosine distance is not continuous at s = 0: its gradient there is a convention
      }
      results.add(one(loss, subject, "stress " + java.util.Arrays.toString(row), row,
          target(variant.target(), random)));
    }
    Target t = target(variant.target(), random);
    double[] kink = new double[K];
    for (int j = 0; j < K; j++) {
      kink[j] = t.value(0, j);
    }
    if (name.endsWith("hinge") && builtInLoss(name)) {
      int y = t.label(0);
      kink[(y + 1) % K] = kink[y] - ((Number) variant.options().getOrDefault("margin", 1.0)).doubleValue();
    }
    boolean finite = true;
    for (double x : kink) {
      finite &= Double.isFinite(x);
    }
    if (finite) {
      results.add(one(loss, subject, "kink " + java.util.Arrays.toString(kink), kink, t));
    }
    return results;
  }

  private static boolean isZero(double[] row) {
    for (double x : row) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static GradientCheck one(Loss loss, String subject, String point, double[] s, Target t) {
    loss.validate(t, 1, K);
    GradientCheck c = GradientChecker.check(loss, s, t, 0, point);
    return new GradientCheck(subject, c.point(), c.value(), c.maxAbsoluteError(), c.maxRelativeError(),
        c.kink(), c.passed(), c.message(), c.undefined());
  }

  private static List<double[]> stressRows(boolean capped) {
    List<double[]> rows = new ArrayList<>();
    for (double b : new double[] {40, 800, 1e4}) {
      rows.add(new double[] {b, -b, 0, b / 2, -b / 2});
      rows.add(new double[] {-b, -b, -b, -b, b});
      rows.add(new double[] {b, b, b, b, b});
    }
    rows.add(new double[K]);
    if (capped) {
      for (double[] r : rows) {
        for (int j = 0; j < K; j++) {
          r[j] = Math.min(r[j], EXP_CAP);
        }
      }
    }
    return rows;
  }

  private static Target target(TargetKind kind, Random random) {
    double[] y = new double[K];
    switch (kind) {
      case LABELS:
        return Target.labels(random.nextInt(K));
      case DISTRIBUTION:
      case LOG_DISTRIBUTION: {
        double sum = 0;
        for (int j = 0; j < K; j++) {
          y[j] = j == 1 ? 0.0 : random.nextDouble(); // one zero: 0·log 0 = 0
          sum += y[j];
        }
        for (int j = 0; j < K; j++) {
          y[j] /= sum;
          if (kind == TargetKind.LOG_DISTRIBUTION) {
            y[j] = Math.log(y[j]);
          }
        }
        break;
      }
      case UNIT_INTERVAL:
        for (int j = 0; j < K; j++) {
          y[j] = random.nextDouble();
        }
        y[0] = 1.0;
        y[1] = 0.0;
        break;
      case COUNT:
        for (int j = 0; j < K; j++) {
          y[j] = random.nextInt(4);
        }
        y[0] = 2.5;
        break;
      default:
        for (int j = 0; j < K; j++) {
          y[j] = 1.5 * random.nextGaussian();
        }
        break;
    }
    return Target.dense(1, K, y);
  }

  static List<GradientCheck> activation(Activation a) {
    Random random = new Random(SEED ^ a.name().hashCode());
    List<Double> xs = new ArrayList<>();
    for (int p = 0; p < 8; p++) {
      xs.add(3 * random.nextGaussian());
    }
    for (double x : new double[] {0, 1e-3, -1e-3, 1, -1, 40, -40, 800, -800, 1e4, -1e4}) {
      xs.add(a.name().equals("exp") ? Math.min(x, EXP_CAP) : x);
    }
    List<GradientCheck> results = new ArrayList<>();
    for (double x : xs) {
      results.add(GradientChecker.check(a, x));
    }
    return results;
  }

  static List<GradientCheck> outputUnit(OutputUnit unit) {
    Random random = new Random(SEED ^ unit.name().hashCode());
    List<double[]> rows = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      double[] s = new double[K];
      for (int j = 0; j < K; j++) {
        s[j] = 3 * random.nextGaussian();
      }
      rows.add(s);
    }
    rows.addAll(stressRows(unit.name().equals("exp")));
    List<GradientCheck> results = new ArrayList<>();
    for (double[] s : rows) {
      double[] u = new double[K];
      for (int j = 0; j < K; j++) {
        u[j] = random.nextGaussian();
      }
      results.add(GradientChecker.check(unit, s, u, java.util.Arrays.toString(s)));
    }
    return results;
  }

  private static String show(Map<String, Object> options) {
    StringBuilder b = new StringBuilder("{");
    for (Map.Entry<String, Object> e : new java.util.TreeMap<>(options).entrySet()) {
      if (b.length() > 1) {
        b.append(", ");
      }
      Object v = e.getValue();
      b.append(e.getKey()).append('=')
          .append(v instanceof double[] ? java.util.Arrays.toString((double[]) v) : String.valueOf(v));
    }
    return b.append('}').toString();
  }
}
