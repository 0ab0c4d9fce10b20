package dev.losslab.train;

/** Plain gradient descent: {@code θ ← θ − η·g}. */
final class Sgd implements Optimizer {
  private final double learningRate;

  Sgd(double learningRate) {
    this.learningRate = learningRate;
  }

  @Override
  public void step(double[] p, double[] g) {
    final double lr = learningRate;
    for (int e = 0; e < p.length; e++) {
      p[e] -= lr * g[e];
    }
  }
}
