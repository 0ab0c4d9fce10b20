package dev.losslab.train;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1):
 *
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g        v ← β₂·v + (1 − β₂)·g²
 *   θ ← θ − η · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * </pre>
 *
 * with β₁ = 0.9, β₂ = 0.999, ε = 1e-8. Weight decay is not decoupled here: it enters through the
 * objective's gradient, as seed 001's regularisation term does.
 */
final class Adam implements Optimizer {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final double learningRate;
  private final double[] m;
  private final double[] v;
  private double beta1Power = 1.0;
  private double beta2Power = 1.0;

  Adam(int size, double learningRate) {
    this.learningRate = learningRate;
    this.m = new double[size];
    this.v = new double[size];
  }

  @Override
  public void step(double[] p, double[] g) {
    beta1Power *= BETA1;
    beta2Power *= BETA2;
    final double stepSize = learningRate / (1 - beta1Power);
    final double secondCorrection = 1.0 / (1 - beta2Power);
    final double[] m = this.m;
    final double[] v = this.v;
    for (int e = 0; e < p.length; e++) {
      final double ge = g[e];
      m[e] = BETA1 * m[e] + (1 - BETA1) * ge;
      v[e] = BETA2 * v[e] + (1 - BETA2) * ge * ge;
      p[e] -= stepSize * m[e] / (Math.sqrt(v[e] * secondCorrection) + EPSILON);
    }
  }
}
