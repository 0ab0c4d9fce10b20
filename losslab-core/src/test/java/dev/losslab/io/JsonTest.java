package dev.losslab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTest {

  @Test
  void parsesNestedValuesWithTheirJavaTypes() {
    Map<String, Object> o = Json.parseObject(
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
  void integersThatDoNotFitALongBecomeDoubles() {
    assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(Json.parse("9223372036854775808")).isEqualTo(9.223372036854775808e18);
    assertThat(Json.parse("1E2")).isEqualTo(100.0);
  }

  @Test
  void doublesRoundTripExactly() {
    Random random = new Random(7);
    double[] values = new double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = Double.longBitsToDouble(random.nextLong());
      if (!Double.isFinite(values[i])) {
        values[i] = random.nextGaussian();
      }
    }
    values[0] = Double.MIN_VALUE;
    values[1] = -0.0;
    values[2] = 0.1;
    double[] back = Json.toDoubleArray(Json.parse(Json.write(values)), "values");
    for (int i = 0; i < values.length; i++) {
      assertThat(Double.doubleToRawLongBits(back[i]))
          .as("value %s", values[i]).isEqualTo(Double.doubleToRawLongBits(values[i]));
    }
  }

  @Test
  void nonFiniteNumbersTravelAsPythonWritesThem() {
    String text = Json.write(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN});
    assertThat(text).isEqualTo("[Infinity,-Infinity,NaN]");
    double[] back = Json.toDoubleArray(Json.parse(text), "v");
    assertThat(back[0]).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(back[1]).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(back[2]).isNaN();
  }

  @Test
  void writesCompactJsonAndEscapesStrings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", 0.5);
    m.put("labels", new int[] {1, 2});
    m.put("text", "a\"b\\c\nd\u0001");
    m.put("ok", true);
    m.put("none", null);
    String text = Json.write(m);
    assertThat(text).isEqualTo(
        "{\"value\":0.5,\"labels\":[1,2],\"text\":\"a\\\"b\\\\c\\nd\\u0001\",\"ok\":true,\"none\":null}");
    assertThat(Json.parseObject(text).get("text")).isEqualTo("a\"b\\c\nd\u0001");
  }

  @Test
  void readsUnicodeEscapes() {
    assertThat(Json.parse("\"\\u00e9\\u2207\\/\"")).isEqualTo("é∇/");
  }

  @Test
  void convertsArraysWithMessagesNamingTheElement() {
    assertThat(Json.toIntArray(Json.parse("[0, 2, -100]"), "labels")).containsExactly(0, 2, -100);
    assertThat(Json.toDoubleMatrix(Json.parse("[[1], [2, 3]]"), "scores")[1]).containsExactly(2, 3);
    assertThatThrownBy(() -> Json.toIntArray(Json.parse("[0, 1.5]"), "labels"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labels[1] is 1.5, must be an integer");
    assertThatThrownBy(() -> Json.toDoubleArray(Json.parse("[1, \"x\"]"), "weight"))
        .hasMessage("weight[1] is a string \"x\", must be a number");
    assertThatThrownBy(() -> Json.toDoubleMatrix(Json.parse("{}"), "scores"))
        .hasMessage("scores is an object, must be an array");
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("{\"a\" 1}", "JSON: expected ':' at position 5, found '1'"),
        Arguments.of("[1, 2", "JSON: expected ',' or ']' at position 5, found end of input"),
        Arguments.of("[1,]", "JSON: expected a value at position 3, found ']'"),
        Arguments.of("{\"a\":1,\"a\":2}", "JSON: duplicate key \"a\" at position 7"),
        Arguments.of("01", "JSON: expected end of input at position 1, found '1'"),
        Arguments.of("-", "JSON: expected a digit at position 1, found end of input"),
        Arguments.of("1.", "JSON: expected a digit after '.' at position 2, found end of input"),
        Arguments.of("tru", "JSON: expected 'true' at position 0, found 't'"),
        Arguments.of("\"abc", "JSON: expected '\"' closing the string at position 4, found end of input"),
        Arguments.of("\"\\x\"", "JSON: expected a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX) at position 2, found 'x'"),
        Arguments.of("{1:2}", "JSON: expected a string key at position 1, found '1'"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedInputIsRejectedWithThePosition(String text, String message) {
    assertThatThrownBy(() -> Json.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void parseObjectRejectsOtherValues() {
    assertThatThrownBy(() -> Json.parseObject("[1]"))
        .hasMessage("JSON: expected an object, found an array");
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    String deep = "[".repeat(100_000);
    assertThatThrownBy(() -> Json.parse(deep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nesting deeper than 512");
  }
}
