package dev.losslab.text.autotune;

import dev.losslab.text.Dictionary;
import java.util.Locale;
import java.util.Optional;

/**
 * What the search maximises, as {@code -autotune-metric} names it (fastText's spellings):
 *
 * <ul>
 *   <li>{@code f1} (default): micro F1 of P@k and R@k over all labels, k = {@code -autotune-predictions};
 *   <li>{@code f1:LABEL}: that label's F1 (e.g. {@code f1:__label__baking});
 *   <li>{@code precisionAtRecall:R} or {@code precisionAtRecall:R:LABEL}: the highest precision at a
 *       recall of at least R percent (fastText's unit: {@code precisionAtRecall:30} is 30 %);
 *   <li>{@code recallAtPrecision:P} or {@code recallAtPrecision:P:LABEL}: the highest recall at a
 *       precision of at least P percent.
 * </ul>
 *
 * The definitions are {@link Evaluation}'s. With k = 1 and one gold label per line, {@code f1} orders
 * models exactly as P@1 does ({@code 2·tp/(N + gold)} grows with {@code tp} alone).
 *
 * @param kind which metric
 * @param value for the curve metrics, the recall or precision as a fraction in (0, 1]; else 0
 * @param label the label it is restricted to, with its prefix; empty for all labels
 * @param text the metric as given
 */
public record AutotuneMetric(Kind kind, double value, Optional<String> label, String text) {

  /** The metrics. */
  public enum Kind { F1, PRECISION_AT_RECALL, RECALL_AT_PRECISION }

  private static final String PAR = "precisionAtRecall:";
  private static final String RAP = "recallAtPrecision:";

  /** Micro F1 over all labels, fastText's default. */
  public static AutotuneMetric f1() {
    return new AutotuneMetric(Kind.F1, 0, Optional.empty(), "f1");
  }

  /**
   * Parses {@code -autotune-metric}.
   *
   * @throws IllegalArgumentException naming the flag and the text, for an unknown metric, an empty
   *     label, or a percentage that is not a number in (0, 100]
   */
  public static AutotuneMetric parse(String text) {
    String t = text.strip();
    if (t.equals("f1")) {
      return f1();
    }
    if (t.startsWith("f1:")) {
      String label = t.substring(3);
      if (label.isEmpty()) {
        throw new IllegalArgumentException("-autotune-metric " + text + ": the label is empty");
      }
      return new AutotuneMetric(Kind.F1, 0, Optional.of(label), t);
    }
    Kind kind;
    if (t.startsWith(PAR)) {
      kind = Kind.PRECISION_AT_RECALL;
    } else if (t.startsWith(RAP)) {
      kind = Kind.RECALL_AT_PRECISION;
    } else {
      throw new IllegalArgumentException("-autotune-metric " + text
          + ": unknown metric (f1, f1:LABEL, precisionAtRecall:R[:LABEL], recallAtPrecision:P[:LABEL])");
    }
    String rest = t.substring(PAR.length()); // both prefixes have 18 characters
    int colon = rest.indexOf(':');
    String number = colon < 0 ? rest : rest.substring(0, colon);
    Optional<String> label = Optional.empty();
    if (colon >= 0) {
      if (colon == rest.length() - 1) {
        throw new IllegalArgumentException("-autotune-metric " + text + ": the label is empty");
      }
      label = Optional.of(rest.substring(colon + 1));
    }
    double percent;
    try {
      percent = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      percent = Double.NaN;
    }
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("-autotune-metric " + text + ": '" + number
          + "' must be a percentage in (0, 100], e.g. " + t.substring(0, PAR.length()) + "30");
    }
    return new AutotuneMetric(kind, percent / 100.0, label, t);
  }

  /** Whether the metric reads the precision–recall curve (so the scores must be kept). */
  public boolean needsScores() {
    return kind != Kind.F1;
  }

  /**
   * A warning for a percentage that looks like a fraction ({@code precisionAtRecall:0.5} asks for
   * 0.5 %), or empty.
   */
  public Optional<String> warning() {
    if (kind == Kind.F1 || value > 0.01) {
      return Optional.empty();
    }
    double percent = value * 100;
    String suggestion = text.substring(0, PAR.length()) + trim(percent * 100)
        + label.map(l -> ":" + l).orElse("");
    return Optional.of("-autotune-metric " + text + " asks for "
        + (kind == Kind.PRECISION_AT_RECALL ? "recall " : "precision ") + trim(percent)
        + " % (the value is a percentage, as in fastText); for " + trim(percent * 100) + " % write "
        + suggestion);
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.6f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * The label's index in {@code dict} ({@code id − nwords}), or −1 for a metric over all labels.
   *
   * @throws IllegalArgumentException if training has no such label
   */
  public int labelIndex(Dictionary dict) {
    if (label.isEmpty()) {
      return -1;
    }
    int id = dict.find(label.get());
    if (id < dict.nwords()) {
      throw new IllegalArgumentException("-autotune-metric " + text + ": the training data has no label "
          + label.get() + hint(label.get(), dict));
    }
    return id - dict.nwords();
  }

  private static String hint(String label, Dictionary dict) {
    for (int j = 0; j < dict.nlabels(); j++) {
      if (dict.label(j).endsWith(label) && !dict.label(j).equals(label)) {
        return " (did you mean " + dict.label(j) + "?)";
      }
    }
    return "";
  }

  /** The metric's value on an evaluation; {@code labelIndex} from {@link #labelIndex}. */
  public double score(Evaluation e, int labelIndex) {
    return switch (kind) {
      case F1 -> labelIndex < 0 ? e.f1() : e.f1(labelIndex);
      case PRECISION_AT_RECALL -> e.precisionAtRecall(value, labelIndex);
      case RECALL_AT_PRECISION -> e.recallAtPrecision(value, labelIndex);
    };
  }

  @Override
  public String toString() {
    return text;
  }
}
