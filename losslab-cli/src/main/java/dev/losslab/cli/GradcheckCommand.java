package dev.losslab.cli;

import dev.losslab.gradcheck.GradientCheck;
import dev.losslab.gradcheck.GradientChecker;
import dev.losslab.loss.Losses;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code losslab gradcheck}: checks analytic gradients against central differences. */
@Command(
    name = "gradcheck",
    mixinStandardHelpOptions = true,
    header = "Check every analytic gradient against central differences.",
    description = {
      "Checks the analytic gradient of built-in losses, output units and activations against central"
          + " differences in double precision, at random points and at stress points (scores ±40, ±800,"
          + " ±1e4, ties, kinks), for every option variant. Prints one row per name; exit code 0 only if"
          + " every check passes.",
      "",
      "A loss from a loss provider on the class path (LOSSLAB_CLASSPATH=my-losses.jar) is checked with"
          + " its default options on every kind of target it accepts: class labels, probability rows,"
          + " rows in [0, 1], real rows.",
      "",
      "A point at a kink (mae at s = y, relu at 0, hinge at the margin) passes when the analytic value"
          + " is a subgradient, i.e. lies between the one-sided differences; the table counts such points.",
      "",
      "A formula, formula:EXPR, is checked like a provided loss. A point where it is not defined or"
          + " overflows (log of a negative score, exp of 800) has no derivative to check: it is counted as"
          + " undefined and shown with the reason; the name passes when every other point passes.",
      ""
    })
public final class GradcheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..*",
      description = "Losses, composed losses (<unit>-<divergence>), formulas (formula:EXPR), provided losses, output units or"
          + " activations; default: all of them.")
  List<String> names = List.of();

  @Option(names = {"-v", "--verbose"}, description = "Print every point, not only failures.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<String> subjects = names.isEmpty() ? allNames() : names;
    int width = 8;
    for (String s : subjects) {
      width = Math.max(width, s.length());
    }
    String rowFormat = "%-" + width + "s  %6s  %6s  %5s  %9s  %9s  %s%n";
    out.printf(Locale.ROOT, rowFormat, "name", "points", "passed", "kinks", "max abs", "max rel", "verdict");
    int failedNames = 0;
    for (String name : subjects) {
      List<GradientCheck> checks = GradientChecker.checkBuiltIn(name);
      int passed = 0;
      int kinks = 0;
      int undefined = 0;
      double maxAbs = 0;
      double maxRel = 0;
      for (GradientCheck c : checks) {
        passed += c.passed() ? 1 : 0;
        kinks += c.kink() ? 1 : 0;
        if (c.undefined()) {
          undefined++;
          continue;
        }
        maxAbs = Math.max(maxAbs, c.maxAbsoluteError());
        maxRel = Math.max(maxRel, c.maxRelativeError());
      }
      // a point where the loss is undefined has no derivative to check; it must not be all of them
      boolean ok = passed > 0 && passed + undefined == checks.size();
      failedNames += ok ? 0 : 1;
      out.printf(Locale.ROOT, rowFormat, name, checks.size(), passed, kinks,
          String.format(Locale.ROOT, "%.2e", maxAbs), String.format(Locale.ROOT, "%.2e", maxRel),
          (ok ? "ok" : "FAIL") + (undefined == 0 ? "" : " (" + undefined + " undefined)"));
      boolean shownUndefined = false;
      for (GradientCheck c : checks) {
        // of the undefined points only the first is shown unless -v: they usually share one cause
        if (verbose || !c.passed() && !(c.undefined() && shownUndefined)) {
          out.println("    " + c);
          shownUndefined |= c.undefined();
        }
      }
      out.flush();
    }
    out.printf(Locale.ROOT, "%n%d of %d passed%s%n", subjects.size() - failedNames, subjects.size(),
        failedNames == 0 ? "" : "; " + failedNames + " failed");
    out.flush();
    return failedNames == 0 ? Errors.OK : Errors.FAILURE;
  }

  /** What a run without names checks: every built-in name, then the provided losses. */
  static List<String> allNames() {
    Set<String> all = new LinkedHashSet<>(GradientChecker.builtInNames());
    all.addAll(Losses.providedNames());
    return List.copyOf(all);
  }
}
