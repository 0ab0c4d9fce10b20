package dev.losslab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.data.DenseDataset;
import dev.losslab.loss.Losses;
import dev.losslab.report.Report;
import dev.losslab.report.ReportWriter;
import dev.losslab.train.OptimizerKind;
import dev.losslab.train.StoppingRule;
import dev.losslab.train.TrainerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareTest {

  @TempDir Path tmp;

  static CompareConfig tiny(String losses, int seeds, int epochs) {
    TrainerConfig t = new TrainerConfig(OptimizerKind.MOMENTUM, 0.05, 0.9, 16, epochs, 0.0,
        StoppingRule.none(), 1L, true);
    return new CompareConfig(LossChoice.parseList(losses), seeds,
        new ModelSetup(List.of(8), "relu", t), 100, GradientDiagnostics.DEFAULT_STALL_THRESHOLD);
  }

  @Test
  void recordsEveryEpochOfEveryRunAndTheWrongDirectionOfMse() throws Exception {
    CompareConfig c = tiny("cross-entropy,mse", 2, 3);
    CompareData data = CompareData.generated(200, 100);
    List<RunResult> runs = Comparison.run(c, data, r -> {});
    assertThat(runs).hasSize(4);
    for (RunResult r : runs) {
      assertThat(r.epochs()).hasSize(3);
      assertThat(r.last().testAccuracy()).isBetween(0.0, 1.0);
      assertThat(r.last().trainLoss()).isFinite().isPositive();
    }
    // softmax − one-hot is positive off the label: cross-entropy never pushes an incorrect class up;
    // mse (2/K)(s_j − 0) does whenever an incorrect score is negative.
    assertThat(runs.get(0).last().diagnostics().wrongDirection()).isZero();
    assertThat(runs.get(2).last().diagnostics().wrongDirection()).isPositive();
    // same seed, same result
    RunResult again = DenseRun.run(c.losses().get(0), 1, c.setup(), data.train(), data.test(), 100,
        GradientDiagnostics.DEFAULT_STALL_THRESHOLD);
    assertThat(again.last().testAccuracy()).isEqualTo(runs.get(0).last().testAccuracy());

    DataInfo info = DataInfo.of(data, c.setup());
    Report report = CompareReport.report(c, info, runs, "compare");
    assertThat(CompareReport.summary(c, info, runs)).hasSize(2).allSatisfy(row -> {
      assertThat(row).hasSameSizeAs(CompareReport.SUMMARY_HEADER);
      assertThat(row.get(1)).matches("\\d\\.\\d{4} ± \\d\\.\\d{4}");
      // each run's best epoch is at least as good as its last, so their means are too
      assertThat(row.get(2)).matches("\\d\\.\\d{4} ± \\d\\.\\d{4}");
      assertThat(Double.parseDouble(row.get(2).split(" ")[0]))
          .isGreaterThanOrEqualTo(Double.parseDouble(row.get(1).split(" ")[0]));
      assertThat(row.get(3)).matches("[1-3](–[1-3])?");
    });
    // under each figure, a sentence that reads its numbers
    assertThat(report.figures()).hasSize(5).allSatisfy(f -> assertThat(f.caption())
        .containsPattern("\\. [A-Za-z][^\\n]*\\d[^\\n]*\\.$"));
    assertThat(report.configuration()).containsEntry("data.checksum", data.checksum());
    assertThat(report.measurements()).hasSize(4 * 3 * 8);
    Path dir = tmp.resolve("report");
    ReportWriter.write(report, dir);
    for (var f : report.figures()) {
      assertThat(dir.resolve(f.file())).isRegularFile();
    }
    assertThat(Files.readString(dir.resolve("index.html"))).contains("Summary at the last epoch");
  }

  @Test
  void testLabelsUnseenInTrainingAreRejected() {
    float[] x = new float[4];
    DenseDataset train = DenseDataset.classification("train", x, 2, 2, new int[] {0, 1}, 2);
    DenseDataset test = DenseDataset.classification("test", x, 2, 2, new int[] {0, 2}, 3);
    assertThatThrownBy(() -> new CompareData(train, test, "d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label 2 of example 1 never occurs in the training set");
    DenseDataset empty = DenseDataset.classification("empty", new float[0], 0, 2, new int[0], 2);
    assertThatThrownBy(() -> new CompareData(empty, test, "d")).hasMessageContaining("no examples");
  }

  @Test
  void aFormulaInAListIsTakenWholeCommasAndColonsIncluded() {
    List<LossChoice> choices =
        LossChoice.parseList("cross-entropy, formula:max(s[label], 0) - min(s[label], s[0]),focal:gamma=1");
    assertThat(choices).extracting(LossChoice::label).containsExactly("cross-entropy",
        "formula:max(s[label], 0) - min(s[label], s[0])", "focal:gamma=1");
    assertThat(choices.get(1).options()).isEmpty();
    assertThat(choices.get(1).create().name()).isEqualTo("formula:max(s[label], 0) - min(s[label], s[0])");
    assertThatThrownBy(() -> LossChoice.parse("formula:s +")).hasMessageContaining("column 4");
  }

  @Test
  void smoothingIsAppliedToTheTargetsNotPassedToTheLoss() {
    LossChoice kl = LossChoice.parse("kl-divergence:smoothing=0.1");
    assertThat(kl.smoothing()).isEqualTo(0.1);
    assertThat(kl.create().name()).isEqualTo("kl-divergence");
    assertThatThrownBy(() -> LossChoice.parse("kl-divergence:smoothing=1.5"))
        .hasMessageContaining("smoothing (1.5)");
    assertThatThrownBy(() -> LossChoice.parse("mse:bogus")).hasMessageContaining("option=value");
  }

  @Test
  void commasInsideParenthesesAndBracketsDoNotSplitTheLossList() {
    assertThat(Losses.splitList("cross-entropy,formula:max(0, s[label]),focal:gamma=1"))
        .containsExactly("cross-entropy", "formula:max(0, s[label])", "focal:gamma=1");
    assertThat(Losses.splitList("a[1,2],b")).containsExactly("a[1,2]", "b");
    // an unclosed bracket stays with its formula, whose parser names the column
    assertThat(Losses.splitList("mse,formula:max(0, s")).containsExactly("mse", "formula:max(0, s");
    assertThatThrownBy(() -> LossChoice.parseList("mse,formula:max(0, s[label]"))
        .hasMessageContaining("column 16").hasMessageContaining("^");
    assertThat(Losses.splitList("mse),mae")).containsExactly("mse)", "mae");
  }
}
