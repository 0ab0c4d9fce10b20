package dev.losslab.unit;

/**
 * A vector output unit {@code a = f(s)} on the {@code k} scores of one example (seed 002 §6.2.2): identity,
 * sigmoid, softmax, exp, ... Its backward pass is a Jacobian-transpose-vector product, O(k) for every
 * built-in unit (softmax: {@code p ⊙ (u − ⟨p, u⟩)}), never a materialised {@code k × k} Jacobian.
 */
public interface OutputUnit {

  /** The registry name, e.g. {@code softmax}. */
  String name();

  /** Writes {@code f(s[so..so+k))} to {@code out[oo..oo+k)}. */
  void forward(double[] s, int so, int k, double[] out, int oo);

  /**
   * Writes {@code Jᵀ·u}, the gradient with respect to the scores given the gradient {@code u} with
   * respect to the outputs, to {@code ds[dso..dso+k)}.
   *
   * @param s the scores the forward pass saw
   * @param a the outputs the forward pass produced, {@code a = f(s)}
   * @param u ∂L/∂a
   * @param ds receives ∂L/∂s; it may be the same region as {@code u}
   */
  void backward(double[] s, int so, double[] a, int ao, int k, double[] u, int uo, double[] ds, int dso);
}
