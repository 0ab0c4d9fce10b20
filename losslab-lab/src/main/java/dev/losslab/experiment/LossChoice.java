package dev.losslab.experiment;

import dev.losslab.formula.FormulaLoss;
import dev.losslab.loss.Loss;
import dev.losslab.loss.Losses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loss as a user names it on the command line: {@code name} or {@code name:option=value:option=value},
 * e.g. {@code kl-divergence:labelSmoothing=0.1} or {@code focal:gamma=2}. Several are separated by
 * commas: {@code cross-entropy,mse,focal:gamma=1}. A formula loss is {@code formula:EXPR} (the
 * expression has no colon of its own, so a further {@code :smoothing=ε} still reads as an option), and the
 * commas inside its parentheses and brackets do not split the list:
 * {@code cross-entropy,formula:max(0, 1 - s[label] + logsumexp(s))}. Option values are passed to
 * {@link Losses#create(String, Map)} as strings, which parses and checks them, except
 * {@code smoothing=ε}, which belongs to the targets rather than the loss: the example of class
 * {@code y} gets the dense target {@code (1 − ε)·e_y + ε/K} (label smoothing applied to the data, for
 * losses such as {@code kl-divergence} that take probability targets).
 *
 * @param label how reports name it (the text as given)
 * @param name the registry name
 * @param options the options, in the order given
 */
public record LossChoice(String label, String name, Map<String, String> options) {

  public LossChoice {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(name, "name");
    options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** The losses {@code compare} trains when none are given. */
  public static final String DEFAULTS =
      "cross-entropy,mse,softmax-mse,exp-mse,mae,kl-divergence:smoothing=0.1,focal,hinge";

  /**
   * Parses one choice and checks that the loss exists and takes the options.
   *
   * @throws IllegalArgumentException naming the text at fault
   */
  public static LossChoice parse(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("empty loss name");
    }
    // the name ends at the first colon, or for formula:EXPR at the second (EXPR holds none)
    int end = t.indexOf(':', FormulaLoss.isFormula(t) ? FormulaLoss.PREFIX.length() : 0);
    String name = (end < 0 ? t : t.substring(0, end)).trim();
    String[] parts = end < 0 ? new String[0] : t.substring(end + 1).split(":", -1);
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq <= 0 || eq == parts[i].length() - 1) {
        throw new IllegalArgumentException(
            "loss option '" + parts[i] + "' in '" + t + "' must be written option=value");
      }
      options.put(parts[i].substring(0, eq).trim(), parts[i].substring(eq + 1).trim());
    }
    LossChoice c = new LossChoice(t, name, options);
    c.create();
    c.smoothing();
    return c;
  }

  /**
   * Parses a comma-separated list; commas inside parentheses or brackets (a formula's function
   * arguments) do not separate.
   *
   * @throws IllegalArgumentException naming the text at fault: an empty or unknown name, a bad option,
   *     a formula's syntax error with its column, or a loss listed twice
   */
  public static List<LossChoice> parseList(String text) {
    List<LossChoice> out = new ArrayList<>();
    for (String part : Losses.splitList(text)) {
      if (part.isBlank()) {
        throw new IllegalArgumentException("empty loss name in the list '" + text + "'");
      }
      LossChoice c = parse(part);
      for (LossChoice o : out) {
        if (o.label().equals(c.label())) {
          throw new IllegalArgumentException(
              "loss '" + c.label() + "' is listed twice in '" + text + "'");
        }
      }
      out.add(c);
    }
    return out;
  }

  /**
   * The default for the text classifier, which builds its own targets: label smoothing through
   * cross-entropy's own option, which equals KL to the smoothed targets up to their (constant)
   * entropy, so the same gradients (seed 002 §6.9).
   */
  public static final String TEXT_DEFAULTS =
      "cross-entropy,mse,softmax-mse,exp-mse,mae,cross-entropy:labelSmoothing=0.1,focal,hinge";

  /** The name of the target-smoothing pseudo-option. */
  public static final String SMOOTHING = "smoothing";

  /** A new instance of the loss. */
  public Loss create() {
    Map<String, String> lossOptions = new LinkedHashMap<>(options);
    lossOptions.remove(SMOOTHING);
    return lossOptions.isEmpty() ? Losses.create(name) : Losses.create(name, lossOptions);
  }

  /** The label smoothing ε applied to the targets, 0 when not given. */
  public double smoothing() {
    String v = options.get(SMOOTHING);
    if (v == null) {
      return 0.0;
    }
    double e;
    try {
      e = Double.parseDouble(v);
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException("smoothing (" + v + ") in '" + label + "' must be a number");
    }
    if (!(e >= 0 && e < 1)) {
      throw new IllegalArgumentException("smoothing (" + v + ") in '" + label + "' must be in [0, 1)");
    }
    return e;
  }

  /** A probe that evaluates this loss per example with this choice's targets. */
  public LabelProbe probe(int k) {
    return new LabelProbe(create(), k, smoothing());
  }
}
