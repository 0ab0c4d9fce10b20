package dev.losslab.train;

/**
 * Gradient descent with heavy-ball momentum (Polyak 1964; the form PyTorch's {@code SGD} uses):
 * {@code v ← μ·v + g;  θ ← θ − η·v}, with {@code v = 0} at the start.
 */
final class MomentumSgd implements Optimizer {
  private final double learningRate;
  private final double momentum;
  private final double[] velocity;

  MomentumSgd(int size, double learningRate, double momentum) {
    this.learningRate = learningRate;
    this.momentum = momentum;
    this.velocity = new double[size];
  }

  @Override
  public void step(double[] p, double[] g) {
    final double lr = learningRate;
    final double mu = momentum;
    final double[] v = velocity;
    for (int e = 0; e < p.length; e++) {
      v[e] = mu * v[e] + g[e];
      p[e] -= lr * v[e];
    }
  }
}
