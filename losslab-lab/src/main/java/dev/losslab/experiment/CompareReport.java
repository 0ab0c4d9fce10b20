package dev.losslab.experiment;

import dev.losslab.report.LinePlot;
import dev.losslab.report.MeanSd;
import dev.losslab.report.Measurement;
import dev.losslab.report.Numbers;
import dev.losslab.report.Report;
import dev.losslab.report.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Turns the runs of a comparison into a report section: the summary table (final and best test
 * accuracy mean ± sd per loss, the best epoch, time per epoch, diagnostics), learning curves with seed
 * bands, accuracy, gradient norm, stalled and wrong-direction fractions per epoch, each figure with a
 * sentence that reads its numbers ({@link FigureReadings}); and every number as a measurement.
 */
public final class CompareReport {
  private CompareReport() {}

  /** The columns of {@link #summary} for dense data. */
  public static final List<String> SUMMARY_HEADER = List.of("loss", "final test accuracy",
      "best test accuracy", "best epoch", "final train loss", "final gradient norm", "stalled",
      "wrong direction", "ms per epoch", "diverged runs");

  /** The columns of {@link #summary} for text: P@1 and R@1 instead of accuracy. */
  public static final List<String> TEXT_SUMMARY_HEADER = List.of("loss", "final test P@1",
      "best test P@1", "best epoch", "final test R@1", "final train loss",
      "final output-gradient norm", "stalled", "wrong direction", "ms per epoch", "diverged runs");

  /** What the summary's columns are; the caption of its table in the report and on the console. */
  public static String caption(DataInfo data) {
    String metric = data.text() ? "test P@1" : "test accuracy";
    return "Summary at the last epoch and at the best (mean ± sd over seeds): best " + metric
        + " is each run's highest over its epochs; best epoch is the epoch where each run reached it"
        + " (the first, if tied), as the range over seeds";
  }

  /** The summary header for {@code data}. */
  public static List<String> header(DataInfo data) {
    return data.text() ? TEXT_SUMMARY_HEADER : SUMMARY_HEADER;
  }

  /** The whole report of {@code losslab compare}. */
  public static Report report(CompareConfig c, DataInfo data, List<RunResult> runs,
      String command) {
    Report.Builder b = Report.builder("losslab compare: " + c.losses().size() + " losses × "
        + c.seeds() + " seeds");
    configure(b, c, data, command);
    List<Measurement> ms = new ArrayList<>();
    b.section(section("compare", "Comparison", "compare", c, data, runs, ms));
    return b.measureAll(ms).build();
  }

  /** Adds the run's full configuration and data checksums to {@code b}. */
  public static void configure(Report.Builder b, CompareConfig c, DataInfo data, String command) {
    var t = c.setup().trainer();
    b.configure("command", command)
        .configure("losses", String.join(",", c.losses().stream().map(LossChoice::label).toList()))
        .configure("seeds", c.seeds())
        .configure("data", data.description())
        .configure("data.checksum", data.checksum())
        .configure("model", data.model())
        .configure("training", data.training());
    if (data.text()) {
      b.configure("diagnostics.sample", c.sample()).configure("stall.threshold", c.stallThreshold());
      Provenance.addTo(b);
      return;
    }
    b.configure("optimizer", t.optimizer())
        .configure("learning.rate", t.learningRate())
        .configure("momentum", t.momentum())
        .configure("batch.size", t.batchSize())
        .configure("epochs", t.epochs())
        .configure("weight.decay", t.weightDecay())
        .configure("stopping", t.stopping().describe())
        .configure("diagnostics.sample", c.sample())
        .configure("stall.threshold", c.stallThreshold());
    Provenance.addTo(b);
  }

  /** The section for {@code runs}; adds every per-epoch number to {@code ms}. */
  public static Section section(String id, String title, String experiment, CompareConfig c,
      DataInfo data, List<RunResult> runs, List<Measurement> ms) {
    Section.Builder s = Section.builder(id, title);
    s.paragraph("Data: " + data.description() + " (checksum " + data.checksum() + "). Model: "
        + data.model() + "; " + data.training() + ". Every loss trains the same model from the same"
        + " initial weights for each of " + c.seeds() + " seeds (seed = initialisation and example"
        + " order). Bands are mean ± sd across seeds."
        + (data.text() ? " Test metrics are precision and recall at 1 (P@1, R@1); the gradient norm is"
            + " that of the mean loss with respect to the output matrix B on the diagnostics sample." : ""));
    s.paragraph("Stalled: the fraction of " + c.sample() + " training examples that are misclassified"
        + " while ‖∂L/∂s‖₂ < " + Numbers.exact(c.stallThreshold()) + ". Wrong direction: among those"
        + " examples' incorrect classes j, the fraction with ∂L/∂s_j < 0, which a descent step pushes"
        + " up (seed 000 §4). Both are measured on the model at the end of each epoch.");
    s.table(caption(data), header(data), summary(c, data, runs));
    List<String> losses = c.losses().stream().map(LossChoice::label).toList();
    String norm = data.text() ? "output-gradient norm" : "gradient norm";
    s.figure(id + "-train-loss", plot("Training loss", "mean training loss (log scale)", true, c, runs,
        EpochRecord::trainLoss), "Training loss per epoch; each loss on its own scale, so compare"
            + " shapes, not heights. " + FigureReadings.trainingLoss(losses, runs));
    s.figure(id + "-test-accuracy", plot(data.text() ? "Test P@1" : "Test accuracy",
        data.text() ? "test precision at 1" : "test accuracy", false, c, runs, EpochRecord::testAccuracy),
        (data.text() ? "Precision at 1 on the test file after each epoch. "
            : "Fraction of test examples classified correctly after each epoch. ")
            + FigureReadings.testAccuracy(losses, runs, data.text()));
    s.figure(id + "-gradient-norm", plot("Gradient norm", "‖∇J‖₂ over all parameters (log scale)", true,
        c, runs, EpochRecord::gradientNorm), "Norm of the full-batch gradient after each epoch. "
            + FigureReadings.gradientNorm(losses, runs, norm));
    s.figure(id + "-stalled", plot("Stalled examples", "fraction misclassified with tiny ‖∂L/∂s‖", false,
        c, runs, e -> e.diagnostics().stalled()), "Misclassified training examples whose loss barely"
            + " pushes back. " + FigureReadings.stalled(losses, runs, c.stallThreshold()));
    s.figure(id + "-wrong-direction", plot("Wrong-direction updates",
        "fraction of incorrect classes pushed up", false, c, runs,
        e -> e.diagnostics().wrongDirection()), "Incorrect-class scores that a descent step increases"
            + " (seed 000 §4). " + FigureReadings.wrongDirection(losses, runs));
    List<List<String>> failures = new ArrayList<>();
    for (RunResult r : runs) {
      if (r.diverged()) {
        failures.add(List.of(r.loss(), Long.toString(r.seed()), Integer.toString(r.epochs().size() + 1),
            r.failure()));
      }
    }
    if (!failures.isEmpty()) {
      s.table("Runs that diverged (objective became NaN or infinite) or failed (an error in training,"
          + " with its message)",
          List.of("loss", "seed", "epoch", "message"), failures);
    }
    record(ms, experiment, runs);
    return s.build();
  }

  /** One row per loss: final accuracy and the other metrics, mean ± sd over seeds. */
  public static List<List<String>> summary(CompareConfig c, DataInfo data, List<RunResult> runs) {
    List<List<String>> rows = new ArrayList<>();
    for (LossChoice lc : c.losses()) {
      List<RunResult> rs = SeedCurves.of(runs, lc.label());
      long diverged = rs.stream().filter(RunResult::diverged).count();
      MeanSd time = MeanSd.of(rs.stream().mapToDouble(r -> 1000 * r.secondsPerEpoch())
          .filter(Double::isFinite).toArray());
      List<String> row = new ArrayList<>(List.of(lc.label(),
          SeedCurves.last(rs, EpochRecord::testAccuracy).format(4),
          SeedCurves.best(rs, EpochRecord::testAccuracy).format(4),
          range(SeedCurves.bestEpochs(rs, EpochRecord::testAccuracy))));
      if (data.text()) {
        row.add(SeedCurves.last(rs, EpochRecord::testRecall).format(4));
      }
      row.addAll(List.of(
          SeedCurves.last(rs, EpochRecord::trainLoss).format(4),
          SeedCurves.last(rs, EpochRecord::gradientNorm).format(4),
          SeedCurves.last(rs, e -> e.diagnostics().stalled()).format(4),
          SeedCurves.last(rs, e -> e.diagnostics().wrongDirection()).format(4),
          Numbers.format(time.mean(), 1),
          diverged + "/" + rs.size()));
      rows.add(row);
    }
    return rows;
  }

  /** {@code "20"} when every seed agrees, else {@code "3–20"}; {@code "—"} for no run. */
  static String range(int[] epochs) {
    if (epochs.length == 0) {
      return "—";
    }
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int e : epochs) {
      lo = Math.min(lo, e);
      hi = Math.max(hi, e);
    }
    return lo == hi ? Integer.toString(lo) : lo + "–" + hi;
  }

  static LinePlot plot(String title, String yLabel, boolean logY, CompareConfig c, List<RunResult> runs,
      ToDoubleFunction<EpochRecord> metric) {
    LinePlot.Builder p = LinePlot.builder(title, "epoch", yLabel);
    if (logY) {
      p.logY();
    }
    for (LossChoice lc : c.losses()) {
      p.curve(SeedCurves.band(lc.label(), SeedCurves.of(runs, lc.label()), metric));
    }
    return p.build();
  }

  /** Every per-epoch number of every run. */
  public static void record(List<Measurement> ms, String experiment, List<RunResult> runs) {
    for (RunResult r : runs) {
      for (EpochRecord e : r.epochs()) {
        double x = e.epoch();
        ms.add(new Measurement(experiment, r.loss(), r.seed(), x, "train_loss", e.trainLoss()));
        ms.add(new Measurement(experiment, r.loss(), r.seed(), x, "test_accuracy", e.testAccuracy()));
        if (e.testRecall() != e.testAccuracy()) {
          ms.add(new Measurement(experiment, r.loss(), r.seed(), x, "test_recall", e.testRecall()));
        }
        ms.add(new Measurement(experiment, r.loss(), r.seed(), x, "gradient_norm", e.gradientNorm()));
        ms.add(new Measurement(experiment, r.loss(), r.seed(), x, "stalled", e.diagnostics().stalled()));
        ms.add(new Measurement(experiment, r.loss(), r.seed(), x, "wrong_direction",
            e.diagnostics().wrongDirection()));
        ms.add(new Measurement(experiment, r.loss(), r.seed(), x, "wrong_direction_examples",
            e.diagnostics().wrongDirectionExamples()));
        ms.add(new Measurement(experiment, r.loss(), r.seed(), x, "score_gradient_norm",
            e.diagnostics().meanScoreGradientNorm()));
        ms.add(new Measurement(experiment, r.loss(), r.seed(), x, "seconds", e.seconds()));
      }
      if (r.diverged()) {
        ms.add(new Measurement(experiment, r.loss(), r.seed(), r.epochs().size() + 1, "diverged", 1));
      }
    }
  }
}
