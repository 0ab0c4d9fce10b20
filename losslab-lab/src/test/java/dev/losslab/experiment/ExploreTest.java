package dev.losslab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.report.BarPlot;
import dev.losslab.report.Block;
import dev.losslab.report.Report;
import dev.losslab.report.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExploreTest {

  static ExploreConfig config(String losses) {
    return new ExploreConfig(LossChoice.parseList(losses), -8, 8, new double[] {0, 1}, 41);
  }

  static Block.Table table(Section s) {
    return s.blocks().stream().filter(b -> b instanceof Block.Table).map(b -> (Block.Table) b)
        .findFirst().orElseThrow();
  }

  @Test
  void klHasAUnitSlopeAtTheOptimumWhereL2IsFlat() {
    Section s = Explore.klVsL2(config("cross-entropy"), new java.util.ArrayList<>(), "t");
    List<List<String>> rows = table(s).rows();
    // target 0: dKL/dy at y ≈ 0 is 1/(1 − y) ≈ 1; L2's is 2y ≈ 0
    assertThat(Double.parseDouble(rows.get(0).get(2))).isCloseTo(1.0, within(0.01));
    assertThat(Double.parseDouble(rows.get(0).get(3))).isCloseTo(0.0, within(0.01));
    // target 1: dKL/dy ≈ −1
    assertThat(Double.parseDouble(rows.get(1).get(2))).isCloseTo(-1.0, within(0.01));
    // far from the target KL is much larger than L2
    assertThat(Double.parseDouble(rows.get(1).get(5))).isGreaterThan(4 * Double.parseDouble(rows.get(1).get(6)));
  }

  @Test
  void signTableCountsIncorrectClassesPushedUp() {
    Section s = Explore.signs(LossChoice.parseList("cross-entropy,mse,exp-mse"),
        new java.util.ArrayList<>(), "t");
    List<List<String>> rows = table(s).rows();
    int last = rows.get(0).size() - 1;
    assertThat(rows.get(0).get(last)).isEqualTo("0"); // cross-entropy: softmax − one-hot > 0 off the label
    assertThat(rows.get(1).get(last)).isEqualTo("2"); // mse: the two negative incorrect scores go up
    assertThat(rows.get(2).get(last)).isEqualTo("0"); // exp-mse: (2/K) e^{2s} > 0
    // the bar scale column: mse's largest |∂L/∂s_j| is (2/K)·|4 − 0| = 1.6, on the predicted class
    assertThat(Double.parseDouble(rows.get(1).get(last - 1))).isCloseTo(1.6, within(1e-9));
  }

  @Test
  void signFigureIsAGroupedBarChartOfTheNormalisedDescentPush() {
    var ms = new java.util.ArrayList<dev.losslab.report.Measurement>();
    Section s = Explore.signs(LossChoice.parseList("cross-entropy,mse,exp-mse"), ms, "t");
    Block.Figure f = s.blocks().stream().filter(b -> b instanceof Block.Figure)
        .map(b -> (Block.Figure) b).findFirst().orElseThrow();
    assertThat(f.name()).isEqualTo("gradient-signs");
    assertThat(f.plot()).isInstanceOf(BarPlot.class);
    BarPlot p = (BarPlot) f.plot();
    assertThat(p.categories()).containsExactly("class 0 (correct)", "class 1 (predicted)", "class 2",
        "class 3", "class 4");
    assertThat(p.series()).extracting(BarPlot.Bars::name).containsExactly("cross-entropy", "mse", "exp-mse");
    assertThat(p.yLabel()).contains("max_j |∂L/∂s_j|");
    assertThat(f.caption()).contains("largest |∂L/∂s_j|");
    for (BarPlot.Bars bars : p.series()) {
      // the raw signed gradient is what results.csv holds
      double[] g = ms.stream().filter(m -> m.series().equals(bars.name() + " (wrong example)"))
          .mapToDouble(dev.losslab.report.Measurement::value).toArray();
      assertThat(g).hasSize(5);
      double largest = 0;
      for (double v : g) {
        largest = Math.max(largest, Math.abs(v));
      }
      double top = 0;
      for (int j = 0; j < 5; j++) {
        assertThat(bars.heights()[j]).isCloseTo(-g[j] / largest, within(1e-12));
        top = Math.max(top, Math.abs(bars.heights()[j]));
      }
      assertThat(top).isEqualTo(1.0);
    }
    // cross-entropy pulls the correct class up and the predicted one down
    assertThat(p.series().get(0).heights()[0]).isPositive();
    assertThat(p.series().get(0).heights()[1]).isNegative();
  }

  @Test
  void descentPushKeepsZerosAndRefusesToHideNaN() {
    assertThat(Explore.descentPush(new double[] {0, 0, 0})).containsExactly(0, 0, 0);
    assertThat(Explore.descentPush(new double[] {2, -4, 0})).containsExactly(-0.5, 1, 0);
    assertThat(Explore.descentPush(new double[] {1, Double.NaN})).containsExactly(Double.NaN, Double.NaN);
  }

  @Test
  void sigmoidMseSaturatesWhereBinaryCrossEntropyDoesNot() {
    var ms = new java.util.ArrayList<dev.losslab.report.Measurement>();
    Section s = Explore.saturation(config("cross-entropy,softmax-mse"), ms, "t");
    List<List<String>> rows = table(s).rows();
    double bce = Double.parseDouble(rows.get(0).get(2));
    double sigmoidMse = Double.parseDouble(rows.get(1).get(2));
    assertThat(bce).isCloseTo(1.0, within(1e-3));
    assertThat(sigmoidMse).isLessThan(1e-2);
    double ce = Double.parseDouble(rows.get(2).get(2));
    double softmaxMse = Double.parseDouble(rows.get(3).get(2));
    assertThat(ce).isGreaterThan(0.99);
    assertThat(softmaxMse).isLessThan(1e-2);
    assertThat(ms).isNotEmpty();
  }

  @Test
  void wholeReportHasFiguresAndMeasurements() {
    Report r = Explore.report(config("cross-entropy,mae"));
    assertThat(r.figures()).hasSizeGreaterThanOrEqualTo(6);
    assertThat(r.measurements()).isNotEmpty();
    assertThat(r.configuration()).containsKeys("range", "losses", "java.version");
  }

  @Test
  void exampleWeightOfCrossEntropyIsOneMinusTheCorrectProbability() {
    var ms = new java.util.ArrayList<dev.losslab.report.Measurement>();
    Section s = Explore.weights(LossChoice.parseList("cross-entropy,softmax-mae"), ms, "t");
    List<List<String>> rows = table(s).rows();
    // columns: p_y = 0.01, 0.1, 0.5, 0.9
    assertThat(rows.get(0)).containsExactly("cross-entropy", "0.9900", "0.9000", "0.5000", "0.1000");
    int checked = 0;
    for (var m : ms) {
      if (m.metric().equals("|dL/ds_y|")) {
        double p = m.x();
        // softmax-mae = (1/K) Σ|e_y − p| = (2 − 2p_y)/K: weight 2 p_y (1 − p_y)/K, small at both ends
        double expected = m.series().startsWith("cross-entropy") ? 1 - p : 2 * p * (1 - p) / 10;
        assertThat(m.value()).as("%s at %s", m.series(), p).isCloseTo(expected, within(1e-12));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(2 * 999);
  }
}
