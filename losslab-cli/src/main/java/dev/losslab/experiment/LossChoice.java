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
 * commas: {@code cross-entropy,mse,focal:gamma=1}. A formula, {@code formula:EXPR}, is taken whole
 * (it has no options; a comma inside its parentheses does not separate it from the next loss):
 * {@code cross-entropy,formula:max(s[label], 0) - s[label]}. Option values are passed to
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
      throw new IllegalArgumentException("empty loss name in --loss");
    }
    if (FormulaLoss.isFormula(t)) {
      LossChoice c = new LossChoice(t, t, Map.of());
      c.create();
      return c;
    }
    String[] parts = t.split(":");
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq <= 0 || eq == parts[i].length() - 1) {
        throw new IllegalArgumentException(
            "loss option '" + parts[i] + "' in '" + t + "' must be written option=value");
      }
      options.put(parts[i].substring(0, eq).trim(), parts[i].substring(eq + 1).trim());
    }
    LossChoice c = new LossChoice(t, parts[0].trim(), options);
    c.create();
    c.smoothing();
    return c;
  }

  /**
   * Parses a comma-separated list; duplicates are rejected. Commas inside parentheses or brackets
   * (the arguments of a formula's {@code min(a, b)}) do not separate.
   */
  public static List<LossChoice> parseList(String text) {
    List<LossChoice> out = new ArrayList<>();
    for (String part : splitTopLevel(text)) {
      LossChoice c = parse(part);
      for (LossChoice o : out) {
        if (o.label().equals(c.label())) {
          throw new IllegalArgumentException("loss '" + c.label() + "' is listed twice in --loss");
        }
      }
      out.add(c);
    }
    return out;
  }

  /** {@code text} split at the commas outside parentheses and brackets. */
  private static List<String> splitTopLevel(String text) {
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
