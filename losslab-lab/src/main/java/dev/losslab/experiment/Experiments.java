package dev.losslab.experiment;

import dev.losslab.report.Measurement;
import dev.losslab.report.Report;
import dev.losslab.report.Section;
import java.util.ArrayList;
import java.util.List;

/** The registry of experiments, in the order {@code experiment all} runs them. */
public final class Experiments {
  private Experiments() {}

  /** Every experiment, in order. */
  public static List<Experiment> all() {
    return List.of(new WrongDirectionExperiment(), new SaturationExperiment(),
        new MeanVsMedianExperiment(), new KlVsL2Experiment(), new CeVsKlExperiment(),
        new LabelNoiseExperiment());
  }

  /** The experiment names and {@code all}. */
  public static List<String> names() {
    List<String> n = new ArrayList<>();
    for (Experiment e : all()) {
      n.add(e.name());
    }
    n.add("all");
    return n;
  }

  /**
   * The experiments {@code name} selects: one, or every one for {@code all}.
   *
   * @throws IllegalArgumentException naming the known experiments when {@code name} is none of them
   */
  public static List<Experiment> select(String name) {
    if ("all".equals(name)) {
      return all();
    }
    for (Experiment e : all()) {
      if (e.name().equals(name)) {
        return List.of(e);
      }
    }
    throw new IllegalArgumentException(
        "unknown experiment '" + name + "' (known: " + String.join(", ", names()) + ")");
  }

  /** Runs {@code selected} and builds one report with a section each. */
  public static Report report(List<Experiment> selected, ExperimentContext ctx, String command) {
    Report.Builder b = Report.builder(selected.size() == 1
        ? "losslab experiment " + selected.get(0).name() : "losslab experiments: the seeds' claims, measured");
    b.configure("command", command)
        .configure("experiments", String.join(",", selected.stream().map(Experiment::name).toList()))
        .configure("seeds", ctx.seeds());
    if (ctx.dense() == null) {
      b.configure("generated.train.rows", ctx.trainRows())
          .configure("generated.test.rows", ctx.testRows());
    }
    b.configure("epochs", ctx.epochs());
    CompareData data = ctx.data();
    b.configure("data", data.description()).configure("data.checksum", data.checksum());
    Provenance.addTo(b);
    List<Measurement> ms = new ArrayList<>();
    for (Experiment e : selected) {
      Section s = e.run(ctx, ms);
      b.section(s);
    }
    return b.measureAll(ms).build();
  }
}
