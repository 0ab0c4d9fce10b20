package dev.losslab.cli.loss;

import java.util.List;
import java.util.Map;

/**
 * Reads the plain values {@link JsonLines} makes (maps, lists, {@code Long}, {@code Double},
 * strings) as the arrays a {@link LossCase} holds; every error names the element and what it was,
 * e.g. {@code "labels[1] is 1.5, must be an integer"}.
 */
final class JsonValues {
  private JsonValues() {}

  /** Reads a JSON number array (e.g. {@code [1, 2.5]}) as doubles. */
  static double[] toDoubleArray(Object value, String what) {
    List<?> list = toList(value, what);
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object o = list.get(i);
      if (!(o instanceof Number n)) {
        throw new IllegalArgumentException(what + "[" + i + "] is " + describe(o) + ", must be a number");
      }
      out[i] = n.doubleValue();
    }
    return out;
  }

  /** Reads a JSON array of integers as ints. */
  static int[] toIntArray(Object value, String what) {
    List<?> list = toList(value, what);
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object o = list.get(i);
      if (!(o instanceof Long l) || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            what + "[" + i + "] is " + describe(o) + ", must be an integer");
      }
      out[i] = (int) (long) l;
    }
    return out;
  }

  /** Reads a JSON array of number arrays (a matrix; rows may differ in length) as doubles. */
  static double[][] toDoubleMatrix(Object value, String what) {
    List<?> list = toList(value, what);
    double[][] out = new double[list.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = toDoubleArray(list.get(i), what + "[" + i + "]");
    }
    return out;
  }

  /** A short description of a value for error messages: {@code "a string \"x\""}, {@code "null"}. */
  static String describe(Object v) {
    if (v == null) {
      return "null";
    } else if (v instanceof String s) {
      return "a string " + JsonLines.write(s.length() > 40 ? s.substring(0, 40) + "..." : s);
    } else if (v instanceof Map) {
      return "an object";
    } else if (v instanceof List) {
      return "an array";
    }
    return v.toString();
  }

  private static List<?> toList(Object value, String what) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(what + " is " + describe(value) + ", must be an array");
    }
    return list;
  }
}
