package dev.losslab.sweep;

import dev.losslab.experiment.LossChoice;
import dev.losslab.experiment.ModelSetup;
import dev.losslab.train.OptimizerKind;
import dev.losslab.train.StoppingRule;
import dev.losslab.train.TrainerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options a grid can sweep, and how a value of each changes a cell. Trainer and model: {@code lr},
 * {@code momentum}, {@code batch}, {@code epochs}, {@code weight-decay}, {@code optimizer},
 * {@code stop} (as {@code --stop} reads it), {@code hidden} (one value per network: {@code 32},
 * {@code 64-64} for two layers, {@code 0} for a linear model) and {@code activation}; data:
 * {@code noise} ({@link Noise#parse}); a loss's own option: {@code LOSS:OPTION}, e.g. {@code gce:q},
 * set on every loss of the comparison named {@code LOSS} (the target smoothing of
 * {@code kl-divergence:smoothing} too).
 */
public final class GridOptions {
  private GridOptions() {}

  /** The options that are not a loss's, in the order the help lists them. */
  public static final List<String> NAMES = List.of("lr", "momentum", "batch", "epochs",
      "weight-decay", "optimizer", "stop", "hidden", "activation", "noise");

  /**
   * Checks that {@code name} is one of {@link #NAMES} or {@code LOSS:OPTION}.
   *
   * @throws IllegalArgumentException naming it and the options there are
   */
  static void checkName(String name) {
    if (NAMES.contains(name)) {
      return;
    }
    int colon = name.lastIndexOf(':');
    if (colon > 0 && colon < name.length() - 1) {
      return;
    }
    throw new IllegalArgumentException("grid option '" + name + "' is unknown; the options are "
        + String.join(", ", NAMES) + ", or LOSS:OPTION for a loss's own option (e.g. gce:q)");
  }

  /**
   * {@code s} with option {@code name} set to {@code value}.
   *
   * @throws IllegalArgumentException naming the option and value when the value does not suit it
   */
  static GridCell.Setup apply(GridCell.Setup s, String name, String value) {
    try {
      return set(s, name, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("grid option " + name + ", value '" + value + "': "
          + e.getMessage(), e);
    }
  }

  private static GridCell.Setup set(GridCell.Setup s, String name, String value) {
    ModelSetup m = s.model();
    TrainerConfig t = m.trainer();
    return switch (name) {
      case "lr" -> s.withModel(m.withTrainer(t.withLearningRate(number(value))));
      case "momentum" -> s.withModel(m.withTrainer(t.withMomentum(number(value))));
      case "batch" -> s.withModel(m.withTrainer(t.withBatchSize(integer(value))));
      case "epochs" -> s.withModel(m.withTrainer(t.withEpochs(integer(value))));
      case "weight-decay" -> s.withModel(m.withTrainer(t.withWeightDecay(number(value))));
      case "optimizer" -> s.withModel(m.withTrainer(t.withOptimizer(OptimizerKind.parse(value))));
      case "stop" -> s.withModel(m.withTrainer(t.withStopping(StoppingRule.parse(value))));
      case "hidden" -> s.withModel(new ModelSetup(hidden(value), m.activation(), t));
      case "activation" -> s.withModel(m.withActivation(value));
      case "noise" -> new GridCell.Setup(m, s.losses(), Noise.parse(value));
      default -> lossOption(s, name, value);
    };
  }

  /** Sets {@code LOSS:OPTION} on every loss named LOSS. */
  private static GridCell.Setup lossOption(GridCell.Setup s, String name, String value) {
    int colon = name.lastIndexOf(':');
    String loss = name.substring(0, colon);
    String option = name.substring(colon + 1);
    List<LossChoice> out = new ArrayList<>();
    boolean found = false;
    for (LossChoice c : s.losses()) {
      if (!c.name().equals(loss)) {
        out.add(c);
        continue;
      }
      found = true;
      if (c.options().containsKey(option)) {
        throw new IllegalArgumentException("loss '" + c.label() + "' already sets " + option
            + "; give it either in --loss or in the grid");
      }
      Map<String, String> options = new LinkedHashMap<>(c.options());
      options.put(option, value);
      LossChoice changed = new LossChoice(c.label(), c.name(), options);
      changed.create();
      changed.smoothing();
      out.add(changed);
    }
    if (!found) {
      throw new IllegalArgumentException("no loss of the comparison is named '" + loss + "' (losses: "
          + String.join(", ", s.losses().stream().map(LossChoice::label).toList()) + ")");
    }
    return new GridCell.Setup(s.model(), out, s.noise());
  }

  private static double number(String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number");
    }
  }

  private static int integer(String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number");
    }
  }

  /** {@code 32}, {@code 64-64}, or {@code 0} for none. */
  private static List<Integer> hidden(String v) {
    List<Integer> sizes = new ArrayList<>();
    if (v.equals("0")) {
      return sizes;
    }
    for (String p : v.split("-", -1)) {
      int h;
      try {
        h = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be layer sizes joined by '-' (64-64), or 0 for linear");
      }
      if (h < 1) {
        throw new IllegalArgumentException("layer sizes must be >= 1 (0 alone for a linear model)");
      }
      sizes.add(h);
    }
    return sizes;
  }
}
