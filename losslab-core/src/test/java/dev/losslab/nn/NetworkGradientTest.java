package dev.losslab.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.gradcheck.GradientCheck;
import dev.losslab.gradcheck.GradientChecker;
import dev.losslab.loss.Loss;
import dev.losslab.loss.Losses;
import dev.losslab.train.Examples;
import dev.losslab.train.Objective;
import dev.losslab.unit.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backpropagated gradient of the training objective (loss + L2 term) against central differences
 * in double ({@link GradientChecker}, over every parameter), for every activation and every registered
 * loss.
 */
class NetworkGradientTest {

  /** One network/loss combination. */
  record Case(String activation, String loss, int[] hidden, double weightDecay) {
    @Override
    public String toString() {
      return loss + " on " + activation + " " + java.util.Arrays.toString(hidden) + " λ=" + weightDecay;
    }
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String f : Units.activationNames()) {
      cases.add(new Case(f, "cross-entropy", new int[] {4, 3}, 0.0));
    }
    for (String loss : Losses.names()) {
      cases.add(new Case("tanh", loss, new int[] {5}, 0.0));
    }
    cases.add(new Case("sigmoid", "mse", new int[] {}, 0.0));
    cases.add(new Case("softplus", "cross-entropy", new int[] {4}, 0.3));
    cases.add(new Case("relu", "mse", new int[] {6, 4}, 0.05));
    cases.add(new Case("tanh", "sigmoid-mse", new int[] {4}, 0.0));
    cases.add(new Case("tanh", "softmax-huber", new int[] {4}, 0.0));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void backpropMatchesCentralDifferences(Case c) {
    int d = 4;
    int k = 3;
    Network.Builder b = Network.builder(d);
    for (int h : c.hidden()) {
      b.dense(h, c.activation());
    }
    Network net = b.output(k).build(42);
    // biases away from 0 so ReLU-like units are not at their kink
    double[] p = net.parameters();
    for (DenseLayer layer : net.layers()) {
      for (int j = 0; j < layer.outputs(); j++) {
        p[layer.biasOffset() + j] = 0.1 + 0.05 * j;
      }
    }
    Loss loss = Losses.create(c.loss());
    Examples data = Fixtures.examplesFor(loss, 6, d, k, 7);
    Objective objective = new Objective(net, loss, c.weightDecay());

    double[] analytic = new double[net.parameterCount()];
    double value = objective.valueAndGradient(data, analytic);
    assertThat(value).isFinite();
    assertThat(objective.value(data)).isEqualTo(value);

    // the whole parameter vector θ as the point: J(θ) and ∂J/∂θ from one forward/backward pass
    GradientCheck check = GradientChecker.check("network " + c, "seed 42", p.clone(), (theta, g) -> {
      net.setParameters(theta);
      return g == null ? objective.value(data) : objective.valueAndGradient(data, g);
    });
    assertThat(check.passed()).as(check.toString()).isTrue();
    assertThat(check.kink()).as("no parameter sits at a kink: %s", check).isFalse();
  }
}
