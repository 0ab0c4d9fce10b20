package dev.losslab.loss;

import dev.losslab.formula.FormulaLoss;
import dev.losslab.unit.OutputUnit;
import dev.losslab.unit.Units;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The registry of losses by name: the built-in losses, and composed losses {@code <unit>-<divergence>}
 * (an output unit from {@link Units#outputUnitNames()} followed by one of {@link #divergenceNames()},
 * e.g. {@code sigmoid-mse}, {@code softmax-l2}, {@code tanh-huber}), evaluated by {@link ComposedLoss}.
 * A built-in name wins over the composed reading ({@code softmax-mse} and {@code exp-mse} are fused).
 * A name {@code formula:EXPR} is the loss {@code EXPR} of one example, differentiated exactly
 * ({@link FormulaLoss}: e.g. {@code formula:logsumexp(s) - s[label]}); it takes no options.
 * Any other name is looked up among the {@link LossProvider}s on the class path
 * ({@link #providedNames()}): a user's loss as a Java class.
 *
 * <pre>{@code
 * Loss ce = Losses.create("cross-entropy", Map.of("labelSmoothing", 0.1));
 * LossResult r = LossEvaluation.evaluate(ce, new double[][] {{1.2, -0.8, 0.5}}, Target.labels(0),
 *     Reduction.MEAN);
 * }</pre>
 *
 * <p>Options are given as a map from option name to a Number, Boolean, {@code double[]}/{@code int[]},
 * a List of numbers or a String ({@code "1,2,3"}, {@code "0.1"}, {@code "true"}). An unknown loss, an
 * option the loss does not take, or a value out of range is an {@link IllegalArgumentException} naming
 * it (e.g. {@code delta (-1.0) must be > 0 and finite}). Losses are immutable and thread-safe.
 */
public final class Losses {
  private static final Map<String, Entry> BUILT_IN = new LinkedHashMap<>();
  private static final List<String> DIVERGENCES =
      List.of("mse", "l2", "mae", "huber", "smooth-l1", "log-cosh");

  private record Entry(Set<String> options, Function<LossOptions, Loss> factory) {}

  static {
    register("cross-entropy", Set.of("weight", "ignoreIndex", "labelSmoothing"),
        o -> new SoftmaxCrossEntropy(new SoftmaxCrossEntropy.Options(
            o.vector("weight"), o.integer("ignoreIndex", -100), o.number("labelSmoothing", 0))));
    register("nll", Set.of("weight", "ignoreIndex"),
        o -> new NegativeLogLikelihood(new NegativeLogLikelihood.Options(
            o.vector("weight"), o.integer("ignoreIndex", -100))));
    register("binary-cross-entropy", Set.of("weight", "posWeight"),
        o -> new SigmoidCrossEntropy(
            new SigmoidCrossEntropy.Options(o.vector("weight"), o.vector("posWeight"))));
    register("mse", Set.of(), o -> new MeanSquaredError());
    register("l2", Set.of(), o -> new HalfSquaredError());
    register("softmax-mse", Set.of(), o -> new SoftmaxSquaredError());
    register("exp-mse", Set.of(), o -> new ExpSquaredError());
    register("mae", Set.of(), o -> new MeanAbsoluteError());
    register("huber", Set.of("delta"), o -> new Huber(new Huber.Options(o.number("delta", 1.0))));
    register("smooth-l1", Set.of("beta"),
        o -> new SmoothL1(new SmoothL1.Options(o.number("beta", 1.0))));
    register("log-cosh", Set.of(), o -> new LogCosh());
    register("kl-divergence", Set.of("logTarget"),
        o -> new KullbackLeibler(new KullbackLeibler.Options(o.flag("logTarget", false))));
    register("poisson", Set.of(), o -> new PoissonNegativeLogLikelihood());
    register("hinge", Set.of("margin", "weight"), o -> new MultiMargin(1,
        new MultiMargin.Options(o.number("margin", 1.0), o.vector("weight"))));
    register("squared-hinge", Set.of("margin", "weight"), o -> new MultiMargin(2,
        new MultiMargin.Options(o.number("margin", 1.0), o.vector("weight"))));
    register("focal", Set.of("gamma", "alpha"), o -> new SoftmaxFocal(
        new SoftmaxFocal.Options(o.number("gamma", 2.0), o.number("alpha", 1.0))));
    register("poly1", Set.of("epsilon"), o -> new PolyOneCrossEntropy(
        new PolyOneCrossEntropy.Options(o.number("epsilon", 2.0))));
    register("gce", Set.of("q"), o -> new GeneralizedCrossEntropy(
        new GeneralizedCrossEntropy.Options(o.number("q", 0.7))));
    register("sce", Set.of("alpha", "beta"), o -> new SymmetricCrossEntropy(
        new SymmetricCrossEntropy.Options(o.number("alpha", 0.1), o.number("beta", 1.0))));
    register("nce-rce", Set.of("alpha", "beta"), o -> new NormalizedCrossEntropy(
        NormalizedCrossEntropy.Passive.RCE,
        new NormalizedCrossEntropy.Options(o.number("alpha", 1.0), o.number("beta", 1.0))));
    register("nce-mae", Set.of("alpha", "beta"), o -> new NormalizedCrossEntropy(
        NormalizedCrossEntropy.Passive.MAE,
        new NormalizedCrossEntropy.Options(o.number("alpha", 1.0), o.number("beta", 1.0))));
    register("taylor-ce", Set.of("order"), o -> new TaylorCrossEntropy(
        new TaylorCrossEntropy.Options(o.integer("order", 2))));
    register("sparsemax", Set.of(), o -> new SparsemaxLoss());
    register("sigmoid-focal", Set.of("gamma", "alpha"), o -> new SigmoidFocal(
        new SigmoidFocal.Options(o.number("gamma", 2.0), o.number("alpha", 0.25))));
    register("rescaled-mse", Set.of("k", "M"), o -> new RescaledSquaredError(
        new RescaledSquaredError.Options(o.number("k", 1.0), o.number("M", 1.0))));
    register("cosine", Set.of(), o -> new CosineDistance());
  }

  private Losses() {}

  private static void register(String name, Set<String> options, Function<LossOptions, Loss> factory) {
    BUILT_IN.put(name, new Entry(options, factory));
  }

  /** The loss called {@code name} with default options. */
  public static Loss create(String name) {
    return create(name, Map.of());
  }

  /**
   * The loss called {@code name} with {@code options}.
   *
   * @throws IllegalArgumentException for an unknown name, an unknown option or a bad value, or a
   *     provided loss whose provider fails (one line naming the loss and the provider class)
   */
  public static Loss create(String name, Map<String, ?> options) {
    if (FormulaLoss.isFormula(name)) {
      return FormulaLoss.parse(name, options);
    }
    String key = normalise(name);
    Entry e = BUILT_IN.get(key);
    if (e != null) {
      return notOffered(key, e.factory.apply(new LossOptions(key, options, e.options)));
    }
    for (String unit : Units.outputUnitNames()) {
      if (key.startsWith(unit + "-")) {
        String divergence = key.substring(unit.length() + 1);
        if (DIVERGENCES.contains(divergence) && BUILT_IN.containsKey(divergence)) {
          return notOffered(key, compose(unit, divergence, options));
        }
      }
    }
    Loss provided = LossProviders.shared().create(key, options);
    if (provided != null) {
      return provided;
    }
    throw new IllegalArgumentException("unknown loss '" + name + "' (known: "
        + String.join(", ", names()) + providedNote() + ", or <unit>-<divergence> with unit one of "
        + String.join(", ", Units.outputUnitNames()) + " and divergence one of "
        + String.join(", ", divergenceNames()) + ")" + failuresNote());
  }

  // Losses from LossProvider classes on the class path (the lookup and its checks: LossProviders).

  /**
   * The names offered by the {@link LossProvider}s on the class path, lower-case and sorted: the
   * names {@link #create} makes after the built-in and composed ones. A name listed here that two
   * providers offer, or that is also built in, is refused by {@link #create} with a message naming
   * the classes involved.
   */
  public static List<String> providedNames() {
    return LossProviders.shared().names();
  }

  /** A built-in or composed loss, unless a provider offers the same name (refused, naming both). */
  private static Loss notOffered(String key, Loss builtIn) {
    LossProviders.shared().requireNotOffered(key, builtIn);
    return builtIn;
  }

  private static String providedNote() {
    List<String> provided = LossProviders.shared().describedNames();
    return provided.isEmpty() ? "" : ", " + String.join(", ", provided);
  }

  private static String failuresNote() {
    List<String> failures = LossProviders.shared().failures();
    return failures.isEmpty() ? "" : "; " + String.join("; ", failures);
  }

  /**
   * The composed loss {@code divergence(unit(s))} through the generic Jacobian-vector path, also for
   * pairs that have a fused built-in (useful to compare the two).
   */
  public static Loss compose(String unit, String divergence, Map<String, ?> options) {
    OutputUnit u = Units.outputUnit(unit);
    String d = normalise(divergence);
    if (!DIVERGENCES.contains(d) || !BUILT_IN.containsKey(d)) {
      throw new IllegalArgumentException("unknown divergence '" + divergence + "' (known: "
          + String.join(", ", divergenceNames()) + ")");
    }
    return new ComposedLoss(u, create(d, options));
  }

  /**
   * Splits a comma-separated list of losses at the commas outside every {@code ( )} and {@code [ ]}
   * pair, so that a {@code formula:} keeps its own commas. An unbalanced bracket is left to the part
   * that holds it, so the formula's parser can name its column.
   */
  public static List<String> splitList(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  /** The built-in loss names, in a fixed order. */
  public static List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(BUILT_IN.keySet()));
  }

  /** The divergences a composed name {@code <unit>-<divergence>} may end with. */
  public static List<String> divergenceNames() {
    List<String> names = new ArrayList<>();
    for (String d : DIVERGENCES) {
      if (BUILT_IN.containsKey(d)) {
        names.add(d);
      }
    }
    return Collections.unmodifiableList(names);
  }

  /** Every composed name {@code <unit>-<divergence>} that is not also a built-in name. */
  public static List<String> composedNames() {
    List<String> names = new ArrayList<>();
    for (String unit : Units.outputUnitNames()) {
      for (String d : divergenceNames()) {
        String name = unit + "-" + d;
        if (!BUILT_IN.containsKey(name)) {
          names.add(name);
        }
      }
    }
    return Collections.unmodifiableList(names);
  }

  /**
   * The option names {@code name} accepts (for a composed loss: its divergence's; for a provided loss:
   * those its provider declares in {@link LossProvider#optionNames}).
   *
   * @throws IllegalArgumentException for an unknown loss
   */
  public static Set<String> optionNames(String name) {
    if (FormulaLoss.isFormula(name)) {
      FormulaLoss.parse(name, Map.of()); // rejects a malformed formula
      return Set.of();
    }
    String key = normalise(name);
    Entry e = BUILT_IN.get(key);
    if (e == null) {
      Loss loss = create(key);
      if (!(loss instanceof ComposedLoss)) {
        return LossProviders.shared().optionNames(key);
      }
      e = BUILT_IN.get(((ComposedLoss) loss).divergence().name());
    }
    return Collections.unmodifiableSet(new TreeSet<>(e.options));
  }

  private static String normalise(String name) {
    return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
  }
}
