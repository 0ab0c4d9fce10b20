package dev.losslab.cli.text;

import dev.losslab.cli.Errors;
import dev.losslab.text.LineEncoder;
import dev.losslab.text.Meter;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.format.DecimalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code test MODEL FILE [k] [threshold]}: fastText's evaluation — prints {@code N}, {@code P@k},
 * {@code R@k} over the lines that have at least one label known to the model. Lines with a label the
 * model never saw are reported on stderr (fastText drops them silently).
 */
@Command(name = "test", description = {"Evaluate a model on a labelled file: N, P@k, R@k (as fastText).",
    "Lines whose labels are all unknown to the model are not counted; they are reported on stderr."})
public final class TestCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "model file (fastText .bin or .ftz)") Path model;
  @Parameters(index = "1", paramLabel = "FILE", description = "test data, or - for standard input") String file;
  @Parameters(index = "2", arity = "0..1", paramLabel = "k", defaultValue = "1", description = "labels predicted per line, -1 for all [1]") int k;
  @Parameters(index = "3", arity = "0..1", paramLabel = "threshold", defaultValue = "0.0", description = "minimal probability [0.0]") double threshold;
  @Spec CommandSpec spec;
  @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;
  @picocli.CommandLine.Mixin InputFormatOptions inputFormat = new InputFormatOptions();

  /** Reports lines with labels the model does not know: the first one, then a count. */
  static final class UnknownLabels implements Consumer<LineEncoder> {
    private final String file;
    long lines;
    long dropped;
    String first;

    UnknownLabels(String file) {
      this.file = file;
    }

    @Override
    public void accept(LineEncoder enc) {
      lines++;
      if (enc.labels().size() == 0) {
        dropped++;
      }
      if (first == null) {
        first = file + ":" + enc.line() + ": label " + enc.firstUnknownLabel()
            + " was never seen in training";
      }
    }

    void report(PrintWriter err, String command) {
      if (lines > 0) {
        err.println("losslab " + command + ": " + first + " (" + lines + " line" + (lines == 1 ? "" : "s")
            + " with unseen labels; " + dropped + " with no known label not counted)");
        err.flush();
      }
    }
  }

  @Override
  public Integer call() {
    int kk = ModelOption.k(k);
    float th = ModelOption.threshold(threshold);
    TextClassifier c = ModelOption.load(model);
    UnknownLabels unknown = new UnknownLabels(file);
    Meter m;
    try {
      m = c.test(ModelOption.open(file, inputFormat, c.args().label()), file, kk, th, unknown);
    } catch (IllegalArgumentException e) {
      throw new Errors.UserException(e.getMessage());
    }
    unknown.report(spec.commandLine().getErr(), "test");
    PrintWriter out = spec.commandLine().getOut();
    printGeneral(out, m, kk, false);
    out.flush();
    return Errors.OK;
  }

  /** fastText's {@code Meter::writeGeneralMetrics}. */
  static void printGeneral(PrintWriter out, Meter m, int k, boolean fixed) {
    out.println("N\t" + m.examples());
    out.println("P@" + k + "\t" + (fixed ? CppFormat.fixed(m.precision(), 3) : DecimalText.general(m.precision(), 3)));
    out.println("R@" + k + "\t" + (fixed ? CppFormat.fixed(m.recall(), 3) : DecimalText.general(m.recall(), 3)));
  }
}
