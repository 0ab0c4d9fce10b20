package dev.losslab.cli;

import dev.losslab.experiment.CompareData;
import dev.losslab.experiment.Experiment;
import dev.losslab.experiment.ExperimentContext;
import dev.losslab.experiment.Experiments;
import dev.losslab.experiment.Lab;
import dev.losslab.report.Block;
import dev.losslab.report.ProgressBar;
import dev.losslab.report.Report;
import dev.losslab.report.ReportWriter;
import dev.losslab.report.Section;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code losslab experiment NAME}: runs one of the seeds' claims (or {@code all}) as a report. */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    header = "Run the seed notes' claims as experiments; writes an HTML report.",
    description = {
      "Runs experiments that test the seed notes' claims and writes a report section for each: the"
          + " claim with its seed and section, the measurement, and a verdict computed from the numbers.",
      "",
      "NAME: wrong-direction, saturation, mean-vs-median, kl-vs-l2, ce-vs-kl, label-noise, or all.",
      "",
      "Writes DIR/index.html with PNG figures, DIR/results.csv and DIR/results.json.",
      ""
    })
public final class ExperimentCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The experiment, or all.")
  String name;

  @Option(names = "--seeds", paramLabel = "N",
      description = "Seeds per configuration (default: ${DEFAULT-VALUE}).")
  int seeds = ExperimentContext.DEFAULT_SEEDS;

  @Option(names = "--quick", description = "Tiny sizes (1 seed, 200 + 100 examples, 3 epochs): a smoke run whose verdicts mean little.")
  boolean quick;

  @Option(names = "--dense", paramLabel = "FILE|FOLDER",
      description = "Classify this data instead of the generated clusters: a CSV file (label last) or a folder of idx files (train-*, t10k-*), as compare --dense. mean-vs-median keeps its regression data.")
  Path dense;

  @Option(names = "--train-limit", paramLabel = "N",
      description = "With --dense: use at most this many training examples; 0 for all (default: ${DEFAULT-VALUE}).")
  int trainLimit = 0;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Training budget of the runs (default: 20, 3 with --quick).")
  Integer epochs;

  @Option(names = {"--output", "-o"}, paramLabel = "DIR", description = "Report folder (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("report");

  @Override
  public Integer call() throws Exception {
    List<Experiment> selected = Experiments.select(name);
    ReportWriter.checkWritable(output);
    PrintWriter out = spec.commandLine().getOut();
    if (trainLimit < 0) {
      throw new IllegalArgumentException("--train-limit (" + trainLimit + ") must be >= 0");
    }
    if (trainLimit > 0 && dense == null) {
      throw new IllegalArgumentException("--train-limit applies to --dense data; give --dense too");
    }
    if (epochs != null && epochs < 1) {
      throw new IllegalArgumentException("--epochs (" + epochs + ") must be >= 1");
    }
    ExperimentContext sizes = quick ? ExperimentContext.quick(line -> {})
        : ExperimentContext.standard(seeds, line -> {});
    if (epochs != null) {
      sizes = sizes.withEpochs(epochs);
    }
    if (dense != null) {
      sizes = sizes.withDense(CompareData.dense(dense, trainLimit, 1L));
    }
    int total = 0;
    for (Experiment e : selected) {
      total += e.runs(sizes);
    }
    ProgressBar bar = ProgressBar.onConsole(out, total);
    ExperimentContext ctx = sizes.withProgress(bar::step);
    long start = System.nanoTime();
    Report report = Lab.experiment(name, ctx);
    Path index = Lab.write(report, output);
    out.println();
    for (Section s : report.sections()) {
      out.println(s.title());
      for (Block b : s.blocks()) {
        if (b instanceof Block.Paragraph p && p.text().startsWith("Verdict")) {
          out.println("  " + p.text());
        }
      }
    }
    out.printf("%nexperiment %s: %.1f s; wrote %s%n", name, (System.nanoTime() - start) / 1e9,
        index);
    out.flush();
    return Errors.OK;
  }
}
