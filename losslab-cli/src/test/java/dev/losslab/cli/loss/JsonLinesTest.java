package dev.losslab.cli.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonLinesTest {

  @Test
  void readsNestedValuesWithTheirJavaTypes() {
    Map<String, Object> o = JsonLines.readObject(
        "{\"loss\": \"cross-entropy\", \"scores\": [[1.5, -2e-3], [0, 7]], \"labels\": [0, 1],"
            + " \"options\": {\"reduction\": \"sum\", \"logTarget\": false, \"x\": null}}");
    assertThat(o.keySet()).containsExactly("loss", "scores", "labels", "options");
    assertThat(o.get("loss")).isEqualTo("cross-entropy");
    assertThat(o.get("scores")).isEqualTo(List.of(List.of(1.5, -0.002), List.of(0L, 7L)));
    assertThat(o.get("labels")).isEqualTo(List.of(0L, 1L));
    @SuppressWarnings("unchecked")
    Map<String, Object> options = (Map<String, Object>) o.get("options");
    assertThat(options.get("logTarget")).isEqualTo(false);
    assertThat(options).containsKey("x");
    assertThat(options.get("x")).isNull();
  }

  @Test
  void anIntegerOfAtMostNineteenCharactersIsALongAnyOtherNumberADouble() {
    assertThat(JsonLines.read("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(JsonLines.read("9223372036854775808")).isEqualTo(9.223372036854775808e18);
    assertThat(JsonLines.read("-9223372036854775808")).isEqualTo(-9.223372036854775808e18);
    assertThat(JsonLines.read("123456789012345678901234567890")).isEqualTo(1.2345678901234568e29);
    assertThat(JsonLines.read("-0")).isEqualTo(0L);
    assertThat(JsonLines.read("-0.0")).isEqualTo(-0.0);
    assertThat(JsonLines.read("1E2")).isEqualTo(100.0);
    assertThat(JsonLines.read("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Property(tries = 300)
  void doublesRoundTripToTheSameBits(@ForAll double[] values) {
    Object back = JsonLines.read(JsonLines.write(values));
    double[] read = JsonValues.toDoubleArray(back, "values");
    assertThat(read).hasSameSizeAs(values);
    for (int i = 0; i < values.length; i++) {
      assertThat(Double.doubleToLongBits(read[i])).as("value %s", values[i])
          .isEqualTo(Double.doubleToLongBits(values[i]));
    }
  }

  @Test
  void doublesAreWrittenAsDoubleToStringWritesThem() {
    double[] values = {0.1, 1.0, -0.0, 1e-20, 2.0E-3, 1.5241578834368477E40, Double.MIN_VALUE,
        Double.MAX_VALUE, 0.30000000000000004};
    StringBuilder expected = new StringBuilder("[");
    for (double v : values) {
      expected.append(expected.length() == 1 ? "" : ",").append(Double.toString(v));
    }
    assertThat(JsonLines.write(values)).isEqualTo(expected.append(']').toString());
  }

  @Test
  void nonFiniteNumbersTravelAsPythonWritesThemAndNoOtherSpellingIsRead() {
    String text = JsonLines.write(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN});
    assertThat(text).isEqualTo("[Infinity,-Infinity,NaN]");
    double[] back = JsonValues.toDoubleArray(JsonLines.read(text), "v");
    assertThat(back[0]).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(back[1]).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(back[2]).isNaN();
    // Jackson's own spellings stay errors
    assertThatThrownBy(() -> JsonLines.read("[+Infinity]"))
        .hasMessage("JSON: expected a value at position 1, found '+'");
    assertThatThrownBy(() -> JsonLines.read("[-INF]"))
        .hasMessage("JSON: expected a digit at position 2, found 'I'");
    assertThatThrownBy(() -> JsonLines.read("[+INF]"))
        .hasMessage("JSON: expected a value at position 1, found '+'");
  }

  @Test
  void writesCompactJsonInKeyOrderAndEscapesControlCharactersOnly() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", 0.5);
    m.put("labels", List.of(1L, 2L));
    m.put("scores", new double[] {0.25, -1});
    m.put("text", "a\"b\\c\nd\u0001\u001b/é\u2028");
    m.put("ok", true);
    m.put("none", null);
    String text = JsonLines.write(m);
    assertThat(text).isEqualTo("{\"value\":0.5,\"labels\":[1,2],\"scores\":[0.25,-1.0],"
        + "\"text\":\"a\\\"b\\\\c\\nd\\u0001\\u001b/é\u2028\",\"ok\":true,\"none\":null}");
    assertThat(JsonLines.readObject(text).get("text")).isEqualTo("a\"b\\c\nd\u0001\u001b/é\u2028");
  }

  @Test
  void readsUnicodeEscapes() {
    assertThat(JsonLines.read("\"\\u00e9\\u2207\\/\\ud83d\\ude00\"")).isEqualTo("é∇/\ud83d\ude00");
    assertThat(JsonLines.read("\"\\ud800x\"")).isEqualTo("\ud800x");
  }

  @Test
  void convertsArraysWithMessagesNamingTheElement() {
    assertThat(JsonValues.toIntArray(JsonLines.read("[0, 2, -100]"), "labels")).containsExactly(0, 2, -100);
    assertThat(JsonValues.toDoubleMatrix(JsonLines.read("[[1], [2, 3]]"), "scores")[1]).containsExactly(2, 3);
    assertThatThrownBy(() -> JsonValues.toIntArray(JsonLines.read("[0, 1.5]"), "labels"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labels[1] is 1.5, must be an integer");
    assertThatThrownBy(() -> JsonValues.toDoubleArray(JsonLines.read("[1, \"x\"]"), "weight"))
        .hasMessage("weight[1] is a string \"x\", must be a number");
    assertThatThrownBy(() -> JsonValues.toDoubleMatrix(JsonLines.read("{}"), "scores"))
        .hasMessage("scores is an object, must be an array");
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("{\"a\" 1}", "JSON: expected ':' at position 5, found '1'"),
        Arguments.of("{\"a\"", "JSON: expected ':' at position 4, found end of input"),
        Arguments.of("{\"a\"/", "JSON: expected ':' at position 4, found '/'"),
        Arguments.of("{\"a\":\"b\"/", "JSON: expected ',' or '}' at position 8, found '/'"),
        Arguments.of("[1, 2", "JSON: expected ',' or ']' at position 5, found end of input"),
        Arguments.of("[1,]", "JSON: expected a value at position 3, found ']'"),
        Arguments.of("[}", "JSON: expected a value at position 1, found '}'"),
        Arguments.of("{]", "JSON: expected a string key at position 1, found ']'"),
        Arguments.of("{\"a\":1,\"a\":2}", "JSON: duplicate key \"a\" at position 7"),
        Arguments.of("{\"a\":1,\"a\":true1}", "JSON: duplicate key \"a\" at position 7"),
        Arguments.of("{\"a\":1,\"a\":[01]}", "JSON: expected ',' or ']' at position 13, found '1'"),
        Arguments.of("01", "JSON: expected end of input at position 1, found '1'"),
        Arguments.of("1 2", "JSON: expected end of input at position 2, found '2'"),
        Arguments.of("[1] x", "JSON: expected end of input at position 4, found 'x'"),
        Arguments.of("1x", "JSON: expected end of input at position 1, found 'x'"),
        Arguments.of("truex", "JSON: expected end of input at position 4, found 'x'"),
        Arguments.of("[-Infinityx]", "JSON: expected ',' or ']' at position 10, found 'x'"),
        Arguments.of("-", "JSON: expected a digit at position 1, found end of input"),
        Arguments.of("[-.5]", "JSON: expected a digit at position 2, found '.'"),
        Arguments.of("1.", "JSON: expected a digit after '.' at position 2, found end of input"),
        Arguments.of("[1.e5]", "JSON: expected a digit after '.' at position 3, found 'e'"),
        Arguments.of("[1.5e+x]", "JSON: expected a digit in the exponent at position 6, found 'x'"),
        Arguments.of("tru", "JSON: expected 'true' at position 0, found 't'"),
        Arguments.of("[Inf]", "JSON: expected 'Infinity' at position 1, found 'I'"),
        Arguments.of("\"abc", "JSON: expected '\"' closing the string at position 4, found end of input"),
        Arguments.of("{\"ab", "JSON: expected '\"' closing the string at position 4, found end of input"),
        Arguments.of("\"\\x\"", "JSON: expected a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"
            + " at position 2, found 'x'"),
        Arguments.of("\"\\u12", "JSON: expected four hex digits at position 2, found 'u'"),
        Arguments.of("\"\\u12\"", "JSON: expected four hex digits at position 2, found 'u'"),
        Arguments.of("\"\\u12x4\"", "JSON: expected a hex digit at position 5, found 'x'"),
        Arguments.of("\"a\u0001\"", "JSON: expected an escaped control character at position 2, found '\u0001'"),
        Arguments.of("[1,\u000b2]", "JSON: expected a value at position 3, found '\u000b'"),
        Arguments.of("\ufeff{}", "JSON: expected a value at position 0, found '\ufeff'"),
        Arguments.of("{1:2}", "JSON: expected a string key at position 1, found '1'"),
        Arguments.of("{\"a\":1 /* c */}", "JSON: expected ',' or '}' at position 7, found '/'"),
        Arguments.of("", "JSON: expected a value at position 0, found end of input"),
        Arguments.of("{\"\\ud800x\":1}",
            "JSON: a key holds an unpaired surrogate escape (\\ud800-\\udfff) at position 8"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedInputIsRejectedWithThePositionAndWhatWasExpected(String text, String message) {
    assertThatThrownBy(() -> JsonLines.read(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void readObjectRejectsOtherValues() {
    assertThatThrownBy(() -> JsonLines.readObject("[1]"))
        .hasMessage("JSON: expected an object, found an array");
    assertThatThrownBy(() -> JsonLines.readObject("\"x\""))
        .hasMessage("JSON: expected an object, found a string \"x\"");
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    assertThat(JsonLines.read("[".repeat(JsonLines.MAX_DEPTH) + "]".repeat(JsonLines.MAX_DEPTH)))
        .isInstanceOf(List.class);
    assertThatThrownBy(() -> JsonLines.read("[".repeat(100_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("JSON: nesting deeper than 512 at position 512");
  }

  @Test
  void longNumbersStringsAndKeysAreRead() {
    String digits = "1" + "0".repeat(5000);
    assertThat(JsonLines.read(digits)).isEqualTo(Double.POSITIVE_INFINITY);
    String key = "k".repeat(100_000);
    assertThat(JsonLines.readObject("{\"" + key + "\":1}")).containsKey(key);
  }
}
