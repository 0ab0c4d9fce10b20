package dev.losslab.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the option map given to {@link Losses#create(String, Map)}: rejects names the loss does not
 * take, and converts values (a Number, a Boolean, a {@code double[]}/{@code int[]}/{@code List} of
 * numbers, or a String such as {@code "1,2,3"}, {@code "0.5"} or {@code "true"}). Every error names the
 * option and the value.
 */
final class LossOptions {
  private final String loss;
  private final Map<String, ?> options;

  LossOptions(String loss, Map<String, ?> options, Set<String> allowed) {
    this.loss = loss;
    this.options = options == null ? Map.of() : options;
    for (String key : this.options.keySet()) {
      if (key.equals("reduction")) {
        throw new IllegalArgumentException("reduction is not an option of loss '" + loss
            + "': it is an argument of LossEvaluation.evaluate (mean, sum or none)");
      }
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("unknown option '" + key + "' for loss '" + loss + "' ("
            + (allowed.isEmpty() ? "it takes no options" : "known: " + String.join(", ", new TreeSet<>(allowed)))
            + ")");
      }
    }
  }

  boolean has(String name) {
    return options.get(name) != null;
  }

  double number(String name, double fallback) {
    Object v = options.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof String) {
      try {
        return Double.parseDouble(((String) v).trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(name + " (" + show(v) + ") must be a number");
  }

  int integer(String name, int fallback) {
    double d = number(name, fallback);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " (" + show(options.get(name)) + ") must be an integer");
    }
    return (int) d;
  }

  boolean flag(String name, boolean fallback) {
    Object v = options.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof String) {
      String t = ((String) v).trim().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("false")) {
        return t.equals("true");
      }
    }
    throw new IllegalArgumentException(name + " (" + show(v) + ") must be true or false");
  }

  /** A vector option, or {@code null} when absent. */
  double[] vector(String name) {
    Object v = options.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof double[]) {
      return ((double[]) v).clone();
    }
    if (v instanceof int[]) {
      int[] a = (int[]) v;
      double[] d = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        d[i] = a[i];
      }
      return d;
    }
    if (v instanceof Number) {
      return new double[] {((Number) v).doubleValue()};
    }
    List<Object> items = new ArrayList<>();
    if (v instanceof List) {
      items.addAll((List<?>) v);
    } else if (v instanceof String) {
      String t = ((String) v).trim();
      if (t.startsWith("[") && t.endsWith("]")) {
        t = t.substring(1, t.length() - 1);
      }
      for (String part : t.split(",", -1)) {
        items.add(part.trim());
      }
    } else {
      throw new IllegalArgumentException(name + " (" + show(v) + ") must be a list of numbers");
    }
    double[] d = new double[items.size()];
    for (int i = 0; i < d.length; i++) {
      Object item = items.get(i);
      try {
        d[i] = item instanceof Number ? ((Number) item).doubleValue() : Double.parseDouble(String.valueOf(item));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            name + " entry " + i + " (" + item + ") is not a number, in " + show(v));
      }
    }
    return d;
  }

  String loss() {
    return loss;
  }

  private static String show(Object v) {
    if (v instanceof double[]) {
      return java.util.Arrays.toString((double[]) v);
    }
    if (v instanceof int[]) {
      return java.util.Arrays.toString((int[]) v);
    }
    return String.valueOf(v);
  }
  /** Checks an optional vector option has finite entries ≥ 0; returns a copy (or null). */
  static double[] nonNegative(String name, double[] v) {
    if (v == null) {
      return null;
    }
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] >= 0 && v[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            name + " entry " + i + " (" + v[i] + ") must be finite and >= 0");
      }
    }
    return v.clone();
  }

  /** Checks {@code lo ≤ v ≤ hi}. */
  static void inRange(String name, double v, double lo, double hi) {
    if (!(v >= lo && v <= hi)) {
      throw new IllegalArgumentException(name + " (" + v + ") must be in [" + lo + ", " + hi + "]");
    }
  }

  /** Checks {@code v > 0} and finite. */
  static void positive(String name, double v) {
    if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " (" + v + ") must be > 0 and finite");
    }
  }

  /** Checks {@code v ≥ 0} and finite. */
  static void nonNegative(String name, double v) {
    if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " (" + v + ") must be >= 0 and finite");
    }
  }
}
