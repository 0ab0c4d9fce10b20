package dev.losslab.loss;

import dev.losslab.unit.OutputUnit;
import java.util.Objects;

/**
 * A loss built from an output unit and a divergence on its outputs (the seeds' split, seed 002 §6.2.2
 * and §6.6): {@code L(s) = D(f(s), y)}, gradient by the Jacobian-vector path
 * {@code ∂L/∂s = J_fᵀ · ∂D/∂a}, O(K) for every built-in unit (softmax: {@code p ⊙ (u − ⟨p, u⟩)}).
 *
 * <p>This is the generic path behind names such as {@code sigmoid-mse}, {@code softmax-l2} or
 * {@code tanh-huber}; the natural pairs ({@code softmax-mse}, {@code exp-mse}, cross-entropy, BCE) have
 * fused, more precise implementations. It makes saturation visible: MSE after a saturated sigmoid or
 * softmax has a large value and a gradient of (nearly) zero. The divergence's reduction semantics
 * (per example or element-wise) carry over. Where the unit overflows ({@code exp} above ≈ 709.78) the
 * value is {@code +∞}. Allocates one array of {@code k} per call (this path is not a hot loop).
 *
 * @param unit the output unit {@code f}
 * @param divergence the loss applied to the unit's outputs
 */
public record ComposedLoss(OutputUnit unit, Loss divergence) implements Loss {

  /** Checks both parts are present. */
  public ComposedLoss {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(divergence, "divergence");
  }

  @Override
  public String name() {
    return unit.name() + "-" + divergence.name();
  }

  @Override
  public void validate(Target target, int n, int k) {
    divergence.validate(target, n, k);
  }

  @Override
  public boolean elementwise() {
    return divergence.elementwise();
  }

  @Override
  public double meanWeight(Target target, int row, int k) {
    return divergence.meanWeight(target, row, k);
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    double[] a = new double[k];
    unit.forward(s, so, k, a, 0);
    double value = divergence.evaluate(a, 0, k, t, row, g, go);
    unit.backward(s, so, a, 0, k, g, go, g, go);
    return value;
  }

  @Override
  public void elementValues(double[] s, int so, int k, Target t, int row, double[] out, int oo) {
    double[] a = new double[k];
    unit.forward(s, so, k, a, 0);
    divergence.elementValues(a, 0, k, t, row, out, oo);
  }

  @Override
  public String toString() {
    return name();
  }
}
