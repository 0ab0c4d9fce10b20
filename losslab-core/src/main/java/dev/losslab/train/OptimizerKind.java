package dev.losslab.train;

import java.util.Locale;

/** The update rules the trainer knows; {@link #create} makes the stateful {@link Optimizer}. */
public enum OptimizerKind {
  /** Plain mini-batch SGD: {@code θ ← θ − η·g}. */
  SGD,
  /** SGD with (heavy-ball) momentum μ: {@code v ← μ·v + g;  θ ← θ − η·v}. */
  MOMENTUM,
  /** Adam (Kingma and Ba 2015) with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and bias correction. */
  ADAM;

  /** The optimizer for a parameter vector of {@code size} values under {@code config}. */
  public Optimizer create(int size, TrainerConfig config) {
    switch (this) {
      case SGD:
        return new Sgd(config.learningRate());
      case MOMENTUM:
        return new MomentumSgd(size, config.learningRate(), config.momentum());
      case ADAM:
        return new Adam(size, config.learningRate());
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * Parses {@code sgd}, {@code momentum} or {@code adam} (any case).
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  public static OptimizerKind parse(String name) {
    if (name != null) {
      switch (name.trim().toLowerCase(Locale.ROOT)) {
        case "sgd":
          return SGD;
        case "momentum":
          return MOMENTUM;
        case "adam":
          return ADAM;
        default:
          break;
      }
    }
    throw new IllegalArgumentException("optimizer (" + name + ") must be one of sgd, momentum, adam");
  }

  /** The lower-case name used on the command line and in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
