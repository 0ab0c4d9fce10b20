package dev.losslab.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small JSON reader and writer (RFC 8259) for the one-object-per-line formats of losslab: test
 * resources, {@code loss --jsonl}, experiment records. It maps JSON to plain Java values and back:
 *
 * <ul>
 *   <li>object ↔ {@code Map<String, Object>} (insertion order kept; read as an unmodifiable map);
 *   <li>array ↔ {@code List<?>} (read as unmodifiable) — the writer also takes {@code double[]},
 *       {@code float[]}, {@code int[]}, {@code long[]} and {@code Object[]};
 *   <li>number ↔ {@link Number}: the reader gives a {@link Long} for an integer literal that fits
 *       (no fraction, no exponent) and a {@link Double} otherwise;
 *   <li>string ↔ {@link String}, {@code true}/{@code false} ↔ {@link Boolean}, {@code null} ↔ null.
 * </ul>
 *
 * <p>Doubles are written with {@link Double#toString(double)}, which reads back to the same double
 * (full precision). JSON has no NaN or infinity; like Python's {@code json} module, the writer writes
 * {@code NaN}, {@code Infinity} and {@code -Infinity} and the reader accepts them, so that an
 * overflowing value (e.g. exp-mse at large scores) travels as what it is rather than as an error or a
 * silent null.
 *
 * <p>Errors: {@link #parse} throws {@link IllegalArgumentException} naming the character position
 * and what was expected, e.g. {@code "JSON: expected ',' or '}' at position 17, found 'x'"}.
 */
public final class Json {
  private Json() {}

  /**
   * Parses one JSON value; only whitespace may follow it.
   *
   * @throws IllegalArgumentException on malformed JSON, naming the position
   */
  public static Object parse(String text) {
    Objects.requireNonNull(text, "text");
    Reader r = new Reader(text);
    r.skipSpace();
    Object v = r.value();
    r.skipSpace();
    if (r.pos < text.length()) {
      throw r.error("end of input");
    }
    return v;
  }

  /**
   * Parses a JSON object.
   *
   * @throws IllegalArgumentException on malformed JSON or when the value is not an object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object v = parse(text);
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("JSON: expected an object, found " + describe(v));
    }
    return (Map<String, Object>) v;
  }

  /** Writes {@code value} as compact JSON (no spaces, no newline). */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /**
   * Appends {@code value} as compact JSON to {@code out}.
   *
   * @throws IllegalArgumentException for a value that has no JSON form (a map key that is not a
   *     string, or an object of another type)
   */
  public static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      writeString(s, out);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Double || value instanceof Float) {
      writeDouble(((Number) value).doubleValue(), out);
    } else if (value instanceof Number n) {
      out.append(n.toString());
    } else if (value instanceof Map<?, ?> m) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("JSON: object key " + e.getKey() + " is not a string");
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(key, out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof Iterable<?> list) {
      out.append('[');
      boolean first = true;
      for (Object o : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(o, out);
      }
      out.append(']');
    } else if (value instanceof double[] a) {
      out.append('[');
      for (int i = 0; i < a.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        writeDouble(a[i], out);
      }
      out.append(']');
    } else if (value instanceof float[] a) {
      out.append('[');
      for (int i = 0; i < a.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        writeDouble(a[i], out);
      }
      out.append(']');
    } else if (value instanceof int[] a) {
      out.append('[');
      for (int i = 0; i < a.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(a[i]);
      }
      out.append(']');
    } else if (value instanceof long[] a) {
      out.append('[');
      for (int i = 0; i < a.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(a[i]);
      }
      out.append(']');
    } else if (value instanceof Object[] a) {
      write(java.util.Arrays.asList(a), out);
    } else {
      throw new IllegalArgumentException(
          "JSON: cannot write a value of type " + value.getClass().getName());
    }
  }

  /** Reads a JSON number array (e.g. {@code [1, 2.5]}) as doubles. */
  public static double[] toDoubleArray(Object value, String what) {
    List<?> list = toList(value, what);
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = toNumber(list.get(i), what + "[" + i + "]").doubleValue();
    }
    return out;
  }

  /** Reads a JSON array of integers as ints. */
  public static int[] toIntArray(Object value, String what) {
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
  public static double[][] toDoubleMatrix(Object value, String what) {
    List<?> list = toList(value, what);
    double[][] out = new double[list.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = toDoubleArray(list.get(i), what + "[" + i + "]");
    }
    return out;
  }

  private static List<?> toList(Object value, String what) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(what + " is " + describe(value) + ", must be an array");
    }
    return list;
  }

  private static Number toNumber(Object value, String what) {
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException(what + " is " + describe(value) + ", must be a number");
    }
    return n;
  }

  /** A short description of a parsed value for error messages: {@code "a string \"x\""}, {@code "null"}. */
  public static String describe(Object v) {
    if (v == null) {
      return "null";
    } else if (v instanceof String s) {
      return "a string " + write(s.length() > 40 ? s.substring(0, 40) + "..." : s);
    } else if (v instanceof Map) {
      return "an object";
    } else if (v instanceof List) {
      return "an array";
    } else if (v instanceof Boolean) {
      return v.toString();
    }
    return v.toString();
  }

  private static void writeDouble(double d, StringBuilder out) {
    if (Double.isNaN(d)) {
      out.append("NaN");
    } else if (Double.isInfinite(d)) {
      out.append(d > 0 ? "Infinity" : "-Infinity");
    } else {
      out.append(Double.toString(d));
    }
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** A recursive-descent reader over one string. */
  private static final class Reader {
    private static final int MAX_DEPTH = 512;
    private final String s;
    private int pos;
    private int depth;

    Reader(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String expected) {
      String found = pos < s.length() ? "'" + s.charAt(pos) + "'" : "end of input";
      return new IllegalArgumentException(
          "JSON: expected " + expected + " at position " + pos + ", found " + found);
    }

    void skipSpace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          break;
        }
      }
    }

    Object value() {
      if (pos >= s.length()) {
        throw error("a value");
      }
      char c = s.charAt(pos);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        case 'N':
          return literal("NaN", Double.NaN);
        case 'I':
          return literal("Infinity", Double.POSITIVE_INFINITY);
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw error("a value");
      }
    }

    private Object literal(String word, Object v) {
      if (!s.startsWith(word, pos)) {
        throw error("'" + word + "'");
      }
      pos += word.length();
      return v;
    }

    private Map<String, Object> object() {
      enter();
      pos++; // '{'
      Map<String, Object> map = new LinkedHashMap<>();
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == '}') {
        pos++;
        depth--;
        return Collections.unmodifiableMap(map);
      }
      while (true) {
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != '"') {
          throw error("a string key");
        }
        int keyAt = pos;
        String key = string();
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != ':') {
          throw error("':'");
        }
        pos++;
        skipSpace();
        Object v = value();
        if (map.containsKey(key)) {
          throw new IllegalArgumentException(
              "JSON: duplicate key " + write(key) + " at position " + keyAt);
        }
        map.put(key, v);
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
        } else if (pos < s.length() && s.charAt(pos) == '}') {
          pos++;
          depth--;
          return Collections.unmodifiableMap(map);
        } else {
          throw error("',' or '}'");
        }
      }
    }

    private List<Object> array() {
      enter();
      pos++; // '['
      List<Object> list = new ArrayList<>();
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == ']') {
        pos++;
        depth--;
        return Collections.unmodifiableList(list);
      }
      while (true) {
        skipSpace();
        list.add(value());
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
        } else if (pos < s.length() && s.charAt(pos) == ']') {
          pos++;
          depth--;
          return Collections.unmodifiableList(list);
        } else {
          throw error("',' or ']'");
        }
      }
    }

    private void enter() {
      if (++depth > MAX_DEPTH) {
        throw new IllegalArgumentException(
            "JSON: nesting deeper than " + MAX_DEPTH + " at position " + pos);
      }
    }

    private String string() {
      pos++; // opening quote
      StringBuilder b = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw error("'\"' closing the string");
        }
        char c = s.charAt(pos);
        if (c == '"') {
          pos++;
          return b.toString();
        }
        if (c < 0x20) {
          throw error("an escaped control character");
        }
        if (c != '\\') {
          b.append(c);
          pos++;
          continue;
        }
        pos++;
        if (pos >= s.length()) {
          throw error("an escape character");
        }
        char e = s.charAt(pos);
        switch (e) {
          case '"' -> b.append('"');
          case '\\' -> b.append('\\');
          case '/' -> b.append('/');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            if (pos + 5 > s.length()) {
              throw error("four hex digits");
            }
            int code = 0;
            for (int i = 1; i <= 4; i++) {
              int d = Character.digit(s.charAt(pos + i), 16);
              if (d < 0) {
                pos += i;
                throw error("a hex digit");
              }
              code = code * 16 + d;
            }
            b.append((char) code);
            pos += 4;
          }
          default -> throw error("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
        pos++;
      }
    }

    private Number number() {
      int start = pos;
      if (s.charAt(pos) == '-') {
        pos++;
        if (s.startsWith("Infinity", pos)) {
          pos += "Infinity".length();
          return Double.NEGATIVE_INFINITY;
        }
      }
      if (pos >= s.length() || !isDigit(s.charAt(pos))) {
        throw error("a digit");
      }
      if (s.charAt(pos) == '0') {
        pos++;
      } else {
        while (pos < s.length() && isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      boolean integral = true;
      if (pos < s.length() && s.charAt(pos) == '.') {
        integral = false;
        pos++;
        if (pos >= s.length() || !isDigit(s.charAt(pos))) {
          throw error("a digit after '.'");
        }
        while (pos < s.length() && isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        integral = false;
        pos++;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          pos++;
        }
        if (pos >= s.length() || !isDigit(s.charAt(pos))) {
          throw error("a digit in the exponent");
        }
        while (pos < s.length() && isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      String literal = s.substring(start, pos);
      if (integral && literal.length() <= 19) {
        try {
          return Long.parseLong(literal);
        } catch (NumberFormatException tooLarge) {
          // falls through to double
        }
      }
      return Double.parseDouble(literal);
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
