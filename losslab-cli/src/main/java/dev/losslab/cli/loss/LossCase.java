package dev.losslab.cli.loss;

import dev.losslab.loss.Loss;
import dev.losslab.loss.LossDiagnostics;
import dev.losslab.loss.LossEvaluation;
import dev.losslab.loss.LossResult;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Reduction;
import dev.losslab.loss.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One evaluation asked for from the shell: a loss by name with its options, a batch of scores, the
 * labels or dense target, and a reduction. Both {@code loss NAME --scores ...} and {@code loss --jsonl}
 * build one of these, so the two agree number for number.
 *
 * @param loss the loss name
 * @param scores one row per example
 * @param labels class indices, or {@code null} when {@code target} is given
 * @param target dense target rows, or {@code null} when {@code labels} are given
 * @param options loss options (without {@code reduction})
 * @param reduction how to reduce
 */
public record LossCase(String loss, double[][] scores, int[] labels, double[][] target,
    Map<String, Object> options, Reduction reduction) {

  private static final Set<String> JSON_KEYS = Set.of("loss", "scores", "labels", "target", "options");

  /** The result of evaluating a case: the loss's result plus overflow diagnostics (usually empty). */
  public record Outcome(LossResult result, boolean elementwise, List<String> diagnostics) {}

  /**
   * Builds a case from one {@code --jsonl} input object.
   *
   * @throws IllegalArgumentException naming the key and value at fault
   */
  public static LossCase fromJson(Map<String, Object> in) {
    for (String key : in.keySet()) {
      if (!JSON_KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown key \"" + key + "\" (known: loss, scores, labels, target, options)");
      }
    }
    Object name = in.get("loss");
    if (!(name instanceof String)) {
      throw new IllegalArgumentException("\"loss\" is " + JsonValues.describe(name) + ", must be a loss name");
    }
    if (!in.containsKey("scores")) {
      throw new IllegalArgumentException("\"scores\" is missing");
    }
    double[][] scores = JsonValues.toDoubleMatrix(in.get("scores"), "scores");
    int[] labels = in.containsKey("labels") ? JsonValues.toIntArray(in.get("labels"), "labels") : null;
    double[][] target = in.containsKey("target") ? JsonValues.toDoubleMatrix(in.get("target"), "target") : null;
    Map<String, Object> options = new LinkedHashMap<>();
    Object rawOptions = in.get("options");
    if (rawOptions != null) {
      if (!(rawOptions instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException("\"options\" is " + JsonValues.describe(rawOptions) + ", must be an object");
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Object v = e.getValue();
        if (v instanceof List<?>) {
          v = JsonValues.toDoubleArray(v, "options." + e.getKey());
        }
        options.put((String) e.getKey(), v);
      }
    }
    return of((String) name, scores, labels, target, options);
  }

  /**
   * Builds a case, taking {@code reduction} out of {@code options} (default {@code mean}).
   *
   * @throws IllegalArgumentException when both or neither of labels and target are given, or the
   *     reduction is unknown
   */
  public static LossCase of(String loss, double[][] scores, int[] labels, double[][] target,
      Map<String, Object> options) {
    if ((labels == null) == (target == null)) {
      throw new IllegalArgumentException(labels == null
          ? "give either labels or a target"
          : "give labels or a target, not both");
    }
    Map<String, Object> rest = new LinkedHashMap<>(options);
    Object r = rest.remove("reduction");
    Reduction reduction = r == null ? Reduction.MEAN : Reduction.parse(String.valueOf(r));
    return new LossCase(loss, scores, labels, target, rest, reduction);
  }

  /**
   * Evaluates the case.
   *
   * @throws IllegalArgumentException for an unknown loss or option, a bad option value, ragged rows,
   *     a shape mismatch, non-finite scores or a target the loss rejects
   */
  public Outcome evaluate() {
    Loss l = Losses.create(loss, options);
    int n = scores.length;
    int k = n == 0 ? 0 : scores[0].length;
    double[] flat = flatten(scores, "scores", k);
    Target t;
    if (labels != null) {
      t = Target.labels(labels);
    } else {
      int columns = target.length == 0 ? k : target[0].length;
      t = Target.dense(target.length, columns, flatten(target, "target", columns));
    }
    LossResult result = LossEvaluation.evaluate(l, flat, n, k, t, reduction);
    List<String> diagnostics = new ArrayList<>();
    if (!Double.isFinite(result.value()) || !allFinite(result.gradient())) {
      diagnostics.addAll(LossDiagnostics.overflows(l, flat, n, k, t));
    }
    return new Outcome(result, l.elementwise(), diagnostics);
  }

  /** The output object of {@code --jsonl}: value (or values for {@code none}) and gradient rows. */
  public static Map<String, Object> toJson(Outcome outcome) {
    LossResult r = outcome.result();
    Map<String, Object> out = new LinkedHashMap<>();
    if (r.reduction() == Reduction.NONE) {
      double[] v = r.values();
      out.put("values", outcome.elementwise() ? rows(v, r.rows(), r.columns()) : v);
    } else {
      out.put("value", r.value());
    }
    out.put("gradient", rows(r.gradient(), r.rows(), r.columns()));
    if (!outcome.diagnostics().isEmpty()) {
      out.put("diagnostics", outcome.diagnostics());
    }
    return out;
  }

  static List<double[]> rows(double[] flat, int n, int k) {
    List<double[]> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double[] row = new double[k];
      System.arraycopy(flat, i * k, row, 0, k);
      rows.add(row);
    }
    return rows;
  }

  private static double[] flatten(double[][] rows, String what, int k) {
    double[] flat = new double[rows.length * k];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != k) {
        throw new IllegalArgumentException(
            what + " row " + i + " has " + rows[i].length + " values, row 0 has " + k);
      }
      System.arraycopy(rows[i], 0, flat, i * k, k);
    }
    return flat;
  }

  private static boolean allFinite(double[] a) {
    for (double x : a) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }
}
