package dev.losslab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figure sentences' rules on runs built by hand, where the right reading is known. */
class FigureReadingsTest {

  /** A run of {@code loss} with these per-epoch test accuracies and training losses (epochs from 1). */
  static RunResult run(String loss, long seed, double[] accuracy, double[] trainLoss) {
    return run(loss, seed, accuracy, trainLoss, 0, 0);
  }

  static RunResult run(String loss, long seed, double[] accuracy, double[] trainLoss, double stalled,
      double wrongDirection) {
    List<EpochRecord> epochs = new ArrayList<>();
    for (int e = 0; e < accuracy.length; e++) {
      GradientDiagnostics d = new GradientDiagnostics(stalled, wrongDirection, wrongDirection, 0.1, 0, 100);
      epochs.add(new EpochRecord(e + 1, trainLoss[e], accuracy[e], 0.5 / (e + 1), d, 0.01));
    }
    return new RunResult(loss, seed, epochs, "EPOCHS", null);
  }

  static RunResult diverged(String loss, long seed, double[] accuracy, double[] trainLoss) {
    RunResult r = run(loss, seed, accuracy, trainLoss);
    return new RunResult(loss, seed, r.epochs(), "DIVERGED", "objective is NaN");
  }

  static double[] falling(int n, double from, double to) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = from + (to - from) * i / (n - 1);
    }
    return v;
  }

  /** Accuracy that rises to {@code peak} at epoch 3 and falls linearly to {@code end} at epoch 10. */
  static double[] peaked(double peak, double end, double shift) {
    double[] a = new double[10];
    a[0] = peak - 0.05 + shift;
    a[1] = peak - 0.02 + shift;
    for (int i = 2; i < 10; i++) {
      a[i] = peak + (end - peak) * (i - 2) / 7.0 + shift;
    }
    return a;
  }

  @Test
  void aDropBeyondMarginAndSpreadWithFallingTrainingLossIsOverfitting() {
    List<RunResult> runs = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      double shift = (seed - 2) * 0.005; // sd 0.005 across seeds
      runs.add(run("cross-entropy", seed, peaked(0.80, 0.70, shift), falling(10, 1.0, 0.2)));
      runs.add(run("mse", seed, falling(10, 0.60, 0.78 + shift), falling(10, 0.5, 0.1)));
    }
    String s = FigureReadings.testAccuracy(List.of("cross-entropy", "mse"), runs, false);
    assertThat(s).startsWith("One loss overfits (test accuracy at the last epoch below its peak by more"
        + " than 0.01 and more than one sd across seeds, with a lower training loss than at the peak):"
        + " cross-entropy (0.800 at epoch 3 → 0.700 at epoch 10, training loss 0.822 → 0.200)");
    assertThat(s).contains("mse ends with the highest test accuracy, 0.780 ± 0.005")
        .contains("cross-entropy the lowest, 0.700").doesNotContain("mse (").endsWith(".");
  }

  @Test
  void aDropWithinTheMarginOrTheSpreadOrWithRisingTrainingLossIsNot() {
    List<RunResult> runs = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      // 0.805 → 0.800: within the 0.01 margin
      runs.add(run("small-drop", seed, peaked(0.805, 0.800, 0), falling(10, 1.0, 0.2)));
      // 0.03 lower at the end, but the seeds end 0.1 apart
      runs.add(run("noisy", seed, peaked(0.80, 0.77, (seed - 2) * 0.1), falling(10, 1.0, 0.2)));
      // a large drop, but the training loss rises with it: not fitting the training set better
      runs.add(run("rising-loss", seed, peaked(0.80, 0.60, 0), falling(10, 0.2, 1.0)));
    }
    String s = FigureReadings.testAccuracy(List.of("small-drop", "noisy", "rising-loss"), runs, false);
    assertThat(s).doesNotContain("One loss overfits").doesNotContain("losses overfit")
        .contains("no loss overfits (none ends below its peak by"
        + " more than 0.01 and one sd across seeds with a lower training loss than at the peak)")
        .contains("the biggest change is rising-loss's");
  }

  @Test
  void oneSeedHasNoSpreadAndOnlyTheMarginDecides() {
    List<RunResult> runs = List.of(
        run("cross-entropy", 1, peaked(0.80, 0.78, 0), falling(10, 1.0, 0.2)),
        run("mae", 1, peaked(0.70, 0.695, 0), falling(10, 1.0, 0.2)));
    String s = FigureReadings.testAccuracy(List.of("cross-entropy", "mae"), runs, false);
    assertThat(s).startsWith("One loss overfits (test accuracy at the last epoch below its peak by more"
        + " than 0.01, one seed so no sd to exceed, with a lower training loss than at the peak):"
        + " cross-entropy (0.800 at epoch 3 → 0.780 at epoch 10")
        .contains("cross-entropy ends with the highest test accuracy, 0.780;").doesNotContain("±")
        .doesNotContain("mae (");
  }

  @Test
  void divergedRunsAreCountedAndALossWithNoEpochHasNoCurve() {
    double[] acc = falling(5, 0.5, 0.7);
    List<RunResult> runs = List.of(
        run("mse", 1, acc, falling(5, 0.4, 0.1)),
        run("mse", 2, acc, falling(5, 0.4, 0.1)),
        diverged("mse", 3, new double[] {0.5, 0.55, 0.6}, new double[] {0.4, 0.3, 0.25}),
        diverged("exp-mse", 1, new double[0], new double[0]),
        diverged("exp-mse", 2, new double[0], new double[0]));
    List<String> losses = List.of("mse", "exp-mse");
    assertThat(FigureReadings.trainingLoss(losses, runs))
        .isEqualTo("The training loss of mse falls 4.0-fold, from 0.400 at epoch 1 to 0.100 at epoch 5;"
            + " mse diverged in 1 of 3 runs (at epoch 4), and its curves from there average the runs"
            + " left; exp-mse diverged in every run (at epoch 1), before completing an epoch, so it"
            + " has no curve.");
    assertThat(FigureReadings.testAccuracy(losses, runs, false)).doesNotContain("exp-mse")
        .startsWith("mse's test accuracy ends at 0.700 at epoch 5, its highest");
    assertThat(FigureReadings.gradientNorm(losses, runs, "gradient norm")).doesNotContain("exp-mse");
    assertThat(FigureReadings.stalled(losses, runs, 1e-3)).doesNotContain("exp-mse");
  }

  @Test
  void trainingLossNamesTheLargestAndSmallestRelativeFallAndWhatDoesNotFall() {
    List<RunResult> runs = List.of(
        run("a", 1, falling(4, 0.5, 0.6), new double[] {1.0, 0.5, 0.3, 0.1}),
        run("b", 1, falling(4, 0.5, 0.6), new double[] {0.2, 0.19, 0.185, 0.18}),
        run("c", 1, falling(4, 0.5, 0.6), new double[] {0.3, 0.3, 0.3, 0.3}));
    assertThat(FigureReadings.trainingLoss(List.of("a", "b", "c"), runs))
        .isEqualTo("The training loss falls under 2 of 3 losses from epoch 1 to epoch 4, most for a"
            + " (1.00 → 0.100, 10-fold) and least for b (0.200 → 0.180, −10 %); it does not fall under c"
            + " (0.300 → 0.300, unchanged).");
  }

  @Test
  void stalledAndWrongDirectionNameWhoAndHowMuchOrSayNever() {
    List<RunResult> runs = List.of(
        run("cross-entropy", 1, falling(3, 0.5, 0.8), falling(3, 1, 0.5), 0, 0),
        run("mse", 1, falling(3, 0.5, 0.8), falling(3, 1, 0.5), 0, 0.25),
        run("exp-mse", 1, falling(3, 0.2, 0.2), falling(3, 1, 0.9), 0.5, 0));
    List<String> losses = List.of("cross-entropy", "mse", "exp-mse");
    assertThat(FigureReadings.stalled(losses, runs, 1e-3))
        .isEqualTo("exp-mse leaves 50.0 % of the 100 sample examples misclassified with ‖∂L/∂s‖₂ < 0.001"
            + " at the last epoch, steady since epoch 1; cross-entropy and mse never stall.");
    assertThat(FigureReadings.wrongDirection(losses, runs))
        .isEqualTo("At the last epoch mse pushes the largest fraction of incorrect-class scores up,"
            + " 25.0 %; cross-entropy and exp-mse never do (0 at every epoch).");
    assertThat(FigureReadings.stalled(List.of("cross-entropy", "mse"), runs, 1e-3))
        .startsWith("No loss leaves a training example misclassified");
    assertThat(FigureReadings.testAccuracy(losses, runs, false))
        .contains("exp-mse the lowest, 0.200, steady since epoch 1, with 50.0 % of its training sample"
            + " stalled");
  }

  @Test
  void theSummaryShowsEachRunsBestAccuracyAndTheRangeOfItsEpochs() {
    List<RunResult> runs = List.of(
        run("x", 1, new double[] {0.6, 0.8, 0.7}, falling(3, 1, 0.5)),
        run("x", 2, new double[] {0.6, 0.7, 0.9}, falling(3, 1, 0.5)),
        run("x", 3, new double[] {0.85, 0.8, 0.85}, falling(3, 1, 0.5)));
    assertThat(SeedCurves.best(runs, EpochRecord::testAccuracy).format(4)).isEqualTo("0.8500 ± 0.0500");
    assertThat(SeedCurves.bestEpochs(runs, EpochRecord::testAccuracy)).containsExactly(2, 3, 1);
    assertThat(CompareReport.range(SeedCurves.bestEpochs(runs, EpochRecord::testAccuracy))).isEqualTo("1–3");
    assertThat(CompareReport.range(new int[] {4, 4})).isEqualTo("4");
    assertThat(CompareReport.range(new int[0])).isEqualTo("—");
  }
}
