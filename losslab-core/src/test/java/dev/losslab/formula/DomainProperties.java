package dev.losslab.formula;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.loss.Loss;
import dev.losslab.loss.LossEvaluation;
import dev.losslab.loss.LossResult;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Reduction;
import dev.losslab.loss.Target;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Formulas that are undefined or overflow somewhere, at scores of every size: each evaluation either
 * returns a finite value and gradient or throws a {@link FormulaDomainException} naming an example;
 * never NaN or an infinity.
 */
class DomainProperties {
  static final List<String> RISKY = List.of("sum(log(s))", "sum(sqrt(s))", "sum(1 / s)",
      "sum(exp(s))", "(exp(s) - y)^2", "s^0.5", "log(sum(s))", "sum(s^y)", "log1p(s)",
      "sum(tanh(s) / s)", "norm(s) / s[0]", "sum(2^s)", "max(s) / min(s)", "(1 - p[label]^0.3)/0.3",
      "sum(log(p))", "sum(log(p + 0))", "s^3 * exp(s / 2)", "sum(expm1(s) * s)", "dot(s, s)^4");

  /** A formula and a batch. */
  record Case(String formula, int n, int k, double[] scores, int[] labels) {
    @Override
    public String toString() {
      return formula + " " + java.util.Arrays.toString(scores);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(Arbitraries.of(RISKY), Arbitraries.integers().between(1, 3),
        Arbitraries.integers().between(1, 6), Arbitraries.longs()).as((f, n, k, seed) -> {
          Random r = new Random(seed);
          double[] s = new double[n * k];
          for (int i = 0; i < s.length; i++) {
            double scale = new double[] {1, 10, 100, 800, 1e4, 1e150}[r.nextInt(6)];
            s[i] = r.nextInt(8) == 0 ? 0.0 : scale * r.nextGaussian();
          }
          int[] labels = new int[n];
          for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(k);
          }
          return new Case(f, n, k, s, labels);
        });
  }

  @Property(tries = 2000, seed = "20261122", edgeCases = EdgeCasesMode.NONE)
  void aResultIsFiniteOrAnExceptionNamingTheExample(@ForAll("cases") Case c) {
    Loss loss = Losses.create("formula:" + c.formula());
    for (Reduction reduction : Reduction.values()) {
      try {
        LossResult r = LossEvaluation.evaluate(loss, c.scores(), c.n(), c.k(),
            Target.labels(c.labels()), reduction);
        assertThat(Double.isFinite(r.value())).as("value " + r.value()).isTrue();
        for (double g : r.gradient()) {
          assertThat(Double.isFinite(g)).as("gradient " + g).isTrue();
        }
        if (r.values() != null) {
          for (double v : r.values()) {
            assertThat(Double.isFinite(v)).as("values " + v).isTrue();
          }
        }
      } catch (FormulaDomainException e) {
        assertThat(e.getMessage()).startsWith("formula:" + c.formula() + ": example " + e.row() + ": ");
        assertThat(e.row()).isBetween(0, c.n() - 1);
        assertThat(Double.isFinite(e.value())).isFalse();
      }
    }
  }
}
