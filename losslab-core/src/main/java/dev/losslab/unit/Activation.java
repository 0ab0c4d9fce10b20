package dev.losslab.unit;

/**
 * A scalar activation {@code y = f(x)} with its derivative, applied element by element (seed 002 §6.2.1).
 * Implementations are immutable and thread-safe and stay finite for every finite input.
 */
public interface Activation {

  /** The registry name, e.g. {@code sigmoid}. */
  String name();

  /** {@code f(x)}. */
  double value(double x);

  /**
   * {@code f'(x)}, given both the input {@code x} and the output {@code y = f(x)}, so an implementation
   * can use whichever is cheaper and more accurate (sigmoid uses {@code y(1 − y)}).
   */
  double derivative(double x, double y);
}
