package dev.losslab.train;

/** Why a training run ended. */
public enum StopReason {
  /** The epoch budget ran out. */
  EPOCHS,
  /** {@link StoppingRule#gradientNorm(double)} fired. */
  GRADIENT_NORM,
  /** {@link StoppingRule#lossChange(double)} fired. */
  LOSS_CHANGE
}
