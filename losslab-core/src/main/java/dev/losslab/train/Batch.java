package dev.losslab.train;

import dev.losslab.loss.Target;
import dev.losslab.nn.Network;

/**
 * A read-only view of the mini-batch the trainer just evaluated, handed to
 * {@link TrainingListener#onBatch}: its scores and, per example, the loss's gradient with respect to
 * those scores, unscaled by the reduction. Gradient descent moves score {@code j} of example {@code r}
 * in the direction of {@code −scoreGradient(r, j)}, so an incorrect class with a negative entry is being
 * pushed up (seed 000 §4's "wrong direction").
 *
 * <p>One view is reused for every batch; it is valid only during the call.
 */
public final class Batch {
  int epoch;
  int index;
  int rows;
  int k;
  int[] order;
  int start;
  double[] scores;
  double[] scoreGradient;
  double[] losses;
  Target target;
  Network network;

  Batch() {}

  /** The epoch, from 1. */
  public int epoch() {
    return epoch;
  }

  /** The batch's index within the epoch, from 0. */
  public int index() {
    return index;
  }

  /** Number of examples in the batch. */
  public int rows() {
    return rows;
  }

  /** Number of scores per example. */
  public int scoresPerExample() {
    return k;
  }

  /** Row of the training {@link Examples} that batch row {@code r} holds. */
  public int exampleIndex(int r) {
    return order[start + r];
  }

  /** Score {@code j} of batch row {@code r}. */
  public double score(int r, int j) {
    return scores[r * k + j];
  }

  /** ∂loss_r/∂s_rj, the per-example gradient of batch row {@code r} (before the 1/batch scaling). */
  public double scoreGradient(int r, int j) {
    return scoreGradient[r * k + j];
  }

  /** The loss of batch row {@code r}. */
  public double loss(int r) {
    return losses[r];
  }

  /**
   * The training targets, all of them: batch row {@code r}'s target is row {@link #exampleIndex(int)
   * exampleIndex(r)} of this target (as {@code loss.evaluate(s, 0, k, target(), exampleIndex(r), g, 0)}
   * reads it).
   */
  public Target target() {
    return target;
  }

  /** The network, with the parameters before this batch's update. Read only. */
  public Network network() {
    return network;
  }
}
