package dev.losslab.text.autotune;

import dev.losslab.text.Args;

/**
 * The arguments of one trial: the training settings and the product quantizer's sub-vector size
 * {@code dsub}, which only matters when a model size is asked for (and is searched as fastText does).
 *
 * @param args the training settings
 * @param dsub the quantizer's sub-vector size (a power of two, 2 to 16)
 */
public record TrialArgs(Args args, int dsub) {

  public TrialArgs {
    java.util.Objects.requireNonNull(args, "args");
    if (dsub <= 0) {
      throw new IllegalArgumentException("-dsub (" + dsub + ") must be > 0");
    }
  }

  /** The loss as {@code -autotune-losses} writes it: the name, then {@code :option=value} each. */
  public String lossText() {
    return SearchLoss.text(args.loss(), args.lossOptions());
  }
}
