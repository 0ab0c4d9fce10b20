package dev.losslab.text.autotune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AutotuneMetricTest {
  @Test
  void parsesFastTextsSpellings() {
    assertThat(AutotuneMetric.parse("f1")).isEqualTo(AutotuneMetric.f1());
    AutotuneMetric l = AutotuneMetric.parse("f1:__label__baking");
    assertThat(l.kind()).isEqualTo(AutotuneMetric.Kind.F1);
    assertThat(l.label()).contains("__label__baking");
    AutotuneMetric par = AutotuneMetric.parse("precisionAtRecall:30");
    assertThat(par.kind()).isEqualTo(AutotuneMetric.Kind.PRECISION_AT_RECALL);
    assertThat(par.value()).isEqualTo(0.3);
    assertThat(par.label()).isEmpty();
    assertThat(par.needsScores()).isTrue();
    AutotuneMetric rap = AutotuneMetric.parse("recallAtPrecision:50:__label__eggs");
    assertThat(rap.kind()).isEqualTo(AutotuneMetric.Kind.RECALL_AT_PRECISION);
    assertThat(rap.value()).isEqualTo(0.5);
    assertThat(rap.label()).isEqualTo(Optional.of("__label__eggs"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "auc|unknown metric",
      "f1:|the label is empty",
      "precisionAtRecall:abc|'abc' must be a percentage in (0, 100]",
      "precisionAtRecall:0|must be a percentage",
      "recallAtPrecision:101|must be a percentage",
      "recallAtPrecision:NaN|must be a percentage",
      "precisionAtRecall:30:|the label is empty"})
  void badMetricsNameTheFlagAndTheValue(String text, String message) {
    assertThatThrownBy(() -> AutotuneMetric.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("-autotune-metric " + text + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void aFractionWhereAPercentageIsMeantIsWarnedAbout() {
    assertThat(AutotuneMetric.parse("precisionAtRecall:0.5").warning()).hasValueSatisfying(w ->
        assertThat(w).contains("asks for recall 0.5 %").contains("write precisionAtRecall:50"));
    assertThat(AutotuneMetric.parse("precisionAtRecall:50").warning()).isEmpty();
    assertThat(AutotuneMetric.f1().warning()).isEmpty();
  }
}
