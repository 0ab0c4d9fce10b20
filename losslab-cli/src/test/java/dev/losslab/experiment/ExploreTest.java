package dev.losslab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
