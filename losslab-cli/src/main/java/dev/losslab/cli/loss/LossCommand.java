package dev.losslab.cli.loss;

import dev.losslab.cli.Errors;
import dev.losslab.formula.FormulaDomainException;
import dev.losslab.loss.LossResult;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Reduction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code losslab loss}: evaluates a loss and its gradient from the shell or from JSON lines. */
@Command(
    name = "loss",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a loss and its gradient with respect to the scores.",
      "",
      "  losslab loss cross-entropy --scores \"1.2,-0.8,0.5;0.9,-1.2,1.1\" --labels 0,1",
      "  losslab loss mse --scores \"1,2\" --target \"0.5,2.5\" --option reduction=sum",
      "  echo '{\"loss\":\"mse\",\"scores\":[[1,2]],\"target\":[[0,1]]}' | losslab loss --jsonl",
      "",
      "With --jsonl, reads one JSON object per line on standard input and writes one JSON line per"
          + " case, in order: {\"value\": v, \"gradient\": [[...]]} (\"values\" for reduction none),"
          + " or {\"error\": \"...\"} for a bad line, which never stops the stream.",
      ""
    })
public final class LossCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The loss, e.g. cross-entropy, or formula:EXPR.")
  String name;

  @Option(names = "--scores", paramLabel = "ROWS",
      description = "Scores: numbers separated by ',' within an example and ';' between examples.")
  String scores;

  @Option(names = "--labels", paramLabel = "LIST", description = "Class index per example, e.g. 0,2.")
  String labels;

  @Option(names = "--target", paramLabel = "ROWS", description = "Dense target rows, same syntax as --scores.")
  String target;

  @Option(names = "--option", paramLabel = "KEY=VALUE",
      description = "A loss option (repeatable): reduction=mean|sum|none, weight=1,2,3, posWeight=..., "
          + "ignoreIndex=-100, labelSmoothing=0.1, delta=1, beta=1, gamma=2, alpha=..., margin=1, logTarget=true, "
          + "q=0.7, epsilon=2, order=2, k=1, M=1.")
  List<String> options = List.of();

  @Option(names = "--reduction", paramLabel = "R", description = "mean (default), sum or none.")
  String reduction;

  @Option(names = "--jsonl", description = "Read cases as JSON lines from standard input.")
  boolean jsonl;

  /** Where {@code --jsonl} reads from; tests replace it. */
  java.io.InputStream in = System.in;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (jsonl) {
      if (name != null || scores != null || labels != null || target != null || !options.isEmpty()) {
        throw new IllegalArgumentException("--jsonl reads everything from standard input; give no NAME or other options");
      }
      return streamJsonLines(out);
    }
    if (name == null) {
      List<String> known = new java.util.ArrayList<>(Losses.names());
      known.addAll(Losses.providedNames());
      throw new IllegalArgumentException("missing loss NAME (known: " + String.join(", ", known) + ")");
    }
    if (scores == null) {
      throw new IllegalArgumentException("missing --scores");
    }
    Map<String, Object> opts = parseOptions(options);
    if (reduction != null) {
      opts.put("reduction", reduction);
    }
    LossCase c = LossCase.of(name, parseRows(scores, "--scores"),
        labels == null ? null : parseLabels(labels), target == null ? null : parseRows(target, "--target"),
        opts);
    LossCase.Outcome outcome = c.evaluate();
    print(c, outcome, out);
    for (String d : outcome.diagnostics()) {
      spec.commandLine().getErr().println("losslab loss: warning: " + d);
    }
    out.flush();
    return Errors.OK;
  }

  private int streamJsonLines(PrintWriter out) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int lineNumber = 0;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> response;
      try {
        response = LossCase.toJson(LossCase.fromJson(JsonLines.readObject(line)).evaluate());
      } catch (IllegalArgumentException | FormulaDomainException e) {
        response = new LinkedHashMap<>();
        response.put("error", "line " + lineNumber + ": " + e.getMessage());
      }
      out.println(JsonLines.write(response));
      out.flush();
    }
    return Errors.OK;
  }

  static void print(LossCase c, LossCase.Outcome outcome, PrintWriter out) {
    LossResult r = outcome.result();
    out.printf("loss       %s%s%n", c.loss(), c.options().isEmpty() ? "" : " " + c.options().entrySet().stream()
        .map(e -> e.getKey() + "=" + formatOption(e.getValue())).reduce((a, b) -> a + " " + b).orElse(""));
    out.printf("reduction  %s over %d example%s × %d score%s%n", r.reduction().label(), r.rows(),
        r.rows() == 1 ? "" : "s", r.columns(), r.columns() == 1 ? "" : "s");
    if (r.reduction() == Reduction.NONE) {
      double[] v = r.values();
      boolean perElement = outcome.elementwise();
      out.println(perElement ? "values     (per element)" : "values");
      for (int i = 0; i < r.rows(); i++) {
        if (perElement) {
          out.printf("  [%d]  %s%n", i, row(v, i * r.columns(), r.columns()));
        } else {
          out.printf("  [%d]  %s%n", i, fmt(v[i]));
        }
      }
      out.printf("sum        %s%n", fmt(r.value()));
    } else {
      out.printf("value      %s%n", fmt(r.value()));
    }
    out.println(r.reduction() == Reduction.NONE ? "gradient   (of the sum)" : "gradient");
    for (int i = 0; i < r.rows(); i++) {
      out.printf("  [%d]  %s%n", i, row(r.gradient(), i * r.columns(), r.columns()));
    }
  }

  private static String formatOption(Object v) {
    return v instanceof double[] a ? JsonLines.write(a) : String.valueOf(v);
  }

  private static String row(double[] a, int off, int k) {
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < k; j++) {
      b.append(j == 0 ? "" : "  ").append(fmt(a[off + j]));
    }
    return b.toString();
  }

  private static String fmt(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return String.format("%20s", x);
    }
    return String.format("%20.15g", x);
  }

  static Map<String, Object> parseOptions(List<String> raw) {
    Map<String, Object> opts = new LinkedHashMap<>();
    for (String o : raw) {
      int eq = o.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--option (" + o + ") must be KEY=VALUE, e.g. delta=0.5");
      }
      opts.put(o.substring(0, eq).trim(), o.substring(eq + 1).trim());
    }
    return opts;
  }

  static double[][] parseRows(String text, String what) {
    String[] rows = text.split(";", -1);
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      String[] cells = rows[i].split(",", -1);
      out[i] = new double[cells.length];
      for (int j = 0; j < cells.length; j++) {
        String cell = cells[j].trim();
        try {
          out[i][j] = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              what + " row " + i + ", value " + j + " ('" + cell + "') is not a number");
        }
      }
    }
    return out;
  }

  static int[] parseLabels(String text) {
    String[] cells = text.split(",", -1);
    int[] out = new int[cells.length];
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i].trim();
      try {
        out[i] = Integer.parseInt(cell);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--labels value " + i + " ('" + cell + "') is not an integer");
      }
    }
    return out;
  }
}
