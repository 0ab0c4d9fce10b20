package dev.losslab.cli.loss;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code loss --jsonl}, one object per line, read and written with Jackson's streaming
 * parser and generator (creating an {@code ObjectMapper} would add some 0.4 s to every start of the
 * command, and the values here need no data binding). JSON maps to plain Java values and back:
 * object ↔ {@code Map<String, Object>} (insertion order kept; read as unmodifiable), array ↔
 * {@code List} (the writer also takes {@code double[]}), integer literal of at most 19 characters ↔
 * {@link Long}, any other number ↔ {@link Double}, string, boolean and null.
 *
 * <p>Doubles are written with {@link Double#toString(double)}, which reads back to the same double.
 * JSON has no NaN or infinity; like Python's {@code json} module, the writer writes {@code NaN},
 * {@code Infinity} and {@code -Infinity} unquoted and the reader accepts those three words (and no
 * other spelling), so that an overflowing value travels as what it is. The reader also rejects
 * duplicate keys, nesting deeper than 512, anything but whitespace after the value, and a key holding
 * a lone surrogate escape (which Jackson does not read; a string value may hold one). Strings are
 * written with the control characters escaped (<code>&#92;n</code>, <code>&#92;u001b</code>) and
 * everything else as is.
 *
 * <p>Errors: {@link #readObject} throws {@link IllegalArgumentException} naming the character position
 * (from 0) and what was expected, e.g. {@code "JSON: expected ',' or ']' at position 17, found 'x'"};
 * {@link JsonSyntax} turns Jackson's messages into these.
 */
final class JsonLines {
  private JsonLines() {}

  static final int MAX_DEPTH = 512;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
      // a line is one case; its numbers, strings and keys are as long as the user made them
      .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE)
          .maxStringLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE).build())
      .build();

  /**
   * Reads one JSON object; only whitespace may follow it.
   *
   * @throws IllegalArgumentException on malformed JSON (naming the position) or when the value is
   *     not an object
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> readObject(String line) {
    Object v = read(line);
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("JSON: expected an object, found " + JsonValues.describe(v));
    }
    return (Map<String, Object>) v;
  }

  /**
   * Reads one JSON value; only whitespace may follow it.
   *
   * @throws IllegalArgumentException on malformed JSON, naming the position
   */
  static Object read(String line) {
    try (JsonParser p = FACTORY.createParser(line)) {
      Walk walk = new Walk(p, line);
      try {
        return walk.document();
      } catch (JsonProcessingException e) {
        // worded while the parser is open: its current key is part of the answer
        throw new IllegalArgumentException(JsonSyntax.message(e, line, walk), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String has no I/O to fail
    }
  }

  /**
   * Writes {@code value} as compact JSON (no spaces, no newline).
   *
   * @throws IllegalArgumentException for a value that has no JSON form (a map key that is not a
   *     string, or an object of another type)
   */
  static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(value, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter has no I/O to fail
    }
    return out.toString();
  }

  private static void write(Object value, JsonGenerator g) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Double || value instanceof Float) {
      g.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Number n) {
      g.writeNumber(n.toString());
    } else if (value instanceof double[] a) {
      g.writeArray(a, 0, a.length);
    } else if (value instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("JSON: object key " + e.getKey() + " is not a string");
        }
        g.writeFieldName(key);
        write(e.getValue(), g);
      }
      g.writeEndObject();
    } else if (value instanceof Iterable<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        write(o, g);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("JSON: cannot write a value of type " + value.getClass().getName());
    }
  }

  /**
   * One pass over the parser's tokens that builds the plain values and keeps what {@link JsonSyntax}
   * needs to word an error: the open containers and whether the value is complete.
   */
  static final class Walk {
    private final JsonParser p;
    private final String line;
    private final char[] open = new char[MAX_DEPTH];
    private int depth;
    private long end = -1;
    private long mark;
    private IllegalArgumentException duplicate;
    private int duplicateDepth = -1;
    private Map<String, Object> current;

    Walk(JsonParser p, String line) {
      this.p = p;
      this.line = line;
    }

    /** The innermost open container, '{' or '[', or 0 at the top level. */
    char container() {
      return depth == 0 ? 0 : open[depth - 1];
    }

    /** Where the top-level value ends, or -1 while it is being read. */
    long end() {
      return end;
    }

    /** Where the innermost object's last complete value (or its '{') ends. */
    long mark() {
      return mark;
    }

    /**
     * The error for a key already in its object, when the value being read is that key's own (not
     * inside it): a value that reads whole is checked against its key before what follows it.
     */
    IllegalArgumentException duplicateKey() {
      if (depth == duplicateDepth) {
        return duplicate;
      }
      // Jackson reads a key and the start of its value in one step: the key is its current token
      try {
        if (p != null && current != null && p.currentToken() == JsonToken.FIELD_NAME
            && current.containsKey(p.currentName())) {
          return duplicate(p.currentName(), p.currentTokenLocation().getCharOffset());
        }
      } catch (IOException e) {
        // no name to compare
      }
      return null;
    }

    private static IllegalArgumentException duplicate(String key, long at) {
      return new IllegalArgumentException("JSON: duplicate key " + write(key) + " at position " + at);
    }

    Object document() throws IOException {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw JsonSyntax.error(line, line.length(), "a value");
      }
      Object v = value(first);
      end = p.currentLocation().getCharOffset();
      if (p.nextToken() != null) {
        throw JsonSyntax.error(line, JsonSyntax.skipSpace(line, (int) end), "end of input");
      }
      return v;
    }

    private Object value(JsonToken t) throws IOException {
      switch (t) {
        case START_OBJECT:
          return object();
        case START_ARRAY:
          return array();
        case VALUE_STRING:
          return p.getText();
        case VALUE_NUMBER_INT:
          return integer();
        case VALUE_NUMBER_FLOAT:
          return floating();
        case VALUE_TRUE:
          return Boolean.TRUE;
        case VALUE_FALSE:
          return Boolean.FALSE;
        case VALUE_NULL:
          return null;
        default:
          throw new IllegalStateException("JSON: unexpected token " + t);
      }
    }

    private Map<String, Object> object() throws IOException {
      enter('{');
      mark = p.currentLocation().getCharOffset();
      Map<String, Object> outer = current;
      Map<String, Object> map = new LinkedHashMap<>();
      current = map;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        if (map.containsKey(key)) {
          duplicate = duplicate(key, p.currentTokenLocation().getCharOffset());
          duplicateDepth = depth;
        }
        Object v = value(p.nextToken());
        if (duplicateDepth == depth) {
          throw duplicate;
        }
        map.put(key, v);
        current = map;
        mark = p.currentLocation().getCharOffset();
      }
      current = outer;
      depth--;
      return Collections.unmodifiableMap(map);
    }

    private List<Object> array() throws IOException {
      enter('[');
      List<Object> list = new ArrayList<>();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        // numbers first: rows of scores are most of every line
        list.add(t == JsonToken.VALUE_NUMBER_FLOAT ? floating()
            : t == JsonToken.VALUE_NUMBER_INT ? integer() : value(t));
      }
      depth--;
      return Collections.unmodifiableList(list);
    }

    private void enter(char bracket) {
      if (depth == MAX_DEPTH) {
        throw new IllegalArgumentException("JSON: nesting deeper than " + MAX_DEPTH + " at position "
            + p.currentTokenLocation().getCharOffset());
      }
      open[depth++] = bracket;
    }

    // The numbers are read from their text as JSON writes it, not by Jackson's number conversions:
    // the same values, and less code for the compiler to inline into the loop over every number.
    private Object integer() throws IOException {
      String text = p.getText();
      if (text.length() <= 19) {
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException tooLarge) {
          // a double, as below
        }
      }
      return Double.parseDouble(text);
    }

    private Object floating() throws IOException {
      String text = p.getText();
      char c = text.charAt(0);
      if (c == 'N' || c == 'I' || c == '+' || (c == '-' && text.length() > 1 && text.charAt(1) == 'I')) {
        return nonFinite(text);
      }
      return Double.parseDouble(text);
    }

    /** Jackson also reads +Infinity, +INF and -INF: only JSON's NaN, Infinity and -Infinity pass. */
    private Object nonFinite(String text) {
      int at = (int) p.currentTokenLocation().getCharOffset();
      switch (text) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          throw text.charAt(0) == '-' ? JsonSyntax.error(line, at + 1, "a digit")
              : JsonSyntax.error(line, at, "a value");
      }
    }
  }
}
