package dev.losslab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void padsColumnsAndRightAlignsNumbers() {
    String t = TextTable.render(List.of("loss", "accuracy"),
        List.of(List.of("cross-entropy", "0.85"), List.of("mse", "12.50")));
    assertThat(t.lines()).containsExactly(
        "loss           accuracy",
        "-------------  --------",
        "cross-entropy      0.85",
        "mse               12.50");
  }

  @Test
  void meanSdUsesTheSampleDeviation() {
    MeanSd m = MeanSd.of(1, 2, 3, 4);
    assertThat(m.mean()).isEqualTo(2.5);
    assertThat(m.sd()).isCloseTo(Math.sqrt(5.0 / 3), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(MeanSd.of(7).sd()).isZero();
    assertThat(MeanSd.of(1, Double.NaN).mean()).isNaN();
    assertThat(m.format(2)).isEqualTo("2.50 ± 1.29");
    // three identical runs: an sd of rounding size prints at the mean's precision, a tiny mean keeps both
    assertThat(new MeanSd(0.1, 1.7e-17, 3).format(4)).isEqualTo("0.1000 ± 0.0000");
    assertThat(new MeanSd(2e-6, 1e-7, 3).format(4)).isEqualTo("2.000e-06 ± 1.000e-07");
  }

  @Test
  void progressBarPrintsALinePerStepWhenNotOnATerminal() {
    StringWriter out = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(out), 4, false);
    bar.step("a");
    bar.step("b");
    assertThat(out.toString().lines()).hasSize(2);
    assertThat(out.toString().lines().toList().get(1)).startsWith("[##############..............] 2/4  50%").endsWith("b");
  }
}
