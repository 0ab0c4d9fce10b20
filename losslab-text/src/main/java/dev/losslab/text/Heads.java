package dev.losslab.text;

import dev.losslab.loss.Losses;

/** Builds the head named by {@code -loss}: fastText's four, or any core loss with its options. */
public final class Heads {
  private Heads() {}

  /**
   * @param args the loss name, its options and {@code -neg}
   * @param labelCounts label counts in label order
   * @throws IllegalArgumentException for an unknown loss or a bad option, naming it
   */
  public static Head create(Args args, long[] labelCounts) {
    String name = args.loss();
    switch (name) {
      case Args.SOFTMAX:
        return new SoftmaxHead();
      case Args.OVA:
        return new OneVsAllHead();
      case Args.NS:
        return new NegativeSamplingHead(labelCounts, args.neg());
      case Args.HS:
        return new HierarchicalSoftmaxHead(labelCounts);
      default:
        try {
          return new CoreLossHead(Losses.create(name, args.lossOptions()), labelCounts.length);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "-loss " + name + ": " + e.getMessage()
                  + (e.getMessage() != null && e.getMessage().startsWith("unknown loss")
                      ? " (or one of fastText's: softmax, ova, ns, hs; a loss of a LossProvider needs"
                          + " its jar on the class path: LOSSLAB_CLASSPATH=my-losses.jar for ./losslab)"
                      : ""), e);
        }
    }
  }

  /** Checks the loss name and options without data (two labels), so a bad flag fails before reading. */
  public static void check(Args args) {
    create(args, new long[] {1, 1});
  }
}
