package dev.losslab.cli.text;

import dev.losslab.cli.Errors;
import dev.losslab.text.Meter;
import dev.losslab.text.TextClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code test-label MODEL FILE [k] [threshold]}: per-label F1, precision and recall, in fastText's
 * layout, then N, P@k, R@k. Recall counts each label's gold occurrences, so recall and F1 are correct
 * (fastText 0.9.2 prints recall {@code --------} and F1 = 2 × precision). Undefined values print as
 * {@code --------}.
 */
@Command(name = "test-label", description = "Per-label precision, recall and F1 of a model on a labelled file.")
public final class TestLabelCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "model file (fastText .bin or .ftz)") Path model;
  @Parameters(index = "1", paramLabel = "FILE", description = "test data, or - for standard input") String file;
  @Parameters(index = "2", arity = "0..1", paramLabel = "k", defaultValue = "1",
      description = "labels predicted per line, -1 for all [1]") int k;
  @Parameters(index = "3", arity = "0..1", paramLabel = "threshold", defaultValue = "0.0",
      description = "minimal probability [0.0]") double threshold;
  @Spec CommandSpec spec;
  @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;
  @picocli.CommandLine.Mixin InputFormatOptions inputFormat = new InputFormatOptions();

  @Override
  public Integer call() {
    int kk = ModelOption.k(k);
    float th = ModelOption.threshold(threshold);
    TextClassifier c = ModelOption.load(model);
    TestCommand.UnknownLabels unknown = new TestCommand.UnknownLabels(file);
    Meter m;
    try {
      m = c.test(ModelOption.open(file, inputFormat, c.args().label()), file, kk, th, unknown);
    } catch (IllegalArgumentException e) {
      throw new Errors.UserException(e.getMessage());
    }
    unknown.report(spec.commandLine().getErr(), "test-label");
    PrintWriter out = spec.commandLine().getOut();
    for (int l = 0; l < m.nlabels(); l++) {
      out.println(metric("F1-Score", m.f1(l)) + metric("Precision", m.precision(l))
          + metric("Recall", m.recall(l)) + " " + c.dictionary().label(l));
    }
    TestCommand.printGeneral(out, m, kk, true);
    out.flush();
    return Errors.OK;
  }

  private static String metric(String name, double v) {
    return name + " : " + (Double.isFinite(v) ? CppFormat.fixed(v, 6) : "--------") + "  ";
  }
}
