package dev.losslab.text.autotune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.text.Args;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelSizeTest {
  @ParameterizedTest
  @CsvSource({"2M,2000000", "2m,2000000", "500k,500000", "500K,500000", "1G,1000000000",
      "12345,12345"})
  void parsesSizesAsFastTextDoes(String text, long bytes) {
    assertThat(ModelSize.parse(text).bytes()).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"abc|not a size", "2T|not a size", "M|not a size",
      "0|must be > 0", "-5M|must be > 0", "99999999999G|too large"})
  void badSizesNameTheFlag(String text, String message) {
    assertThatThrownBy(() -> ModelSize.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("-autotune-modelsize " + text + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void theCutoffIsFastTextsForTheFileSize() {
    // 735 labels (cooking), dim 100, qout and qnorm, dsub 2, 2 MB:
    // output = 21 + 735·50 + (16 + 4·256·100) + 735 = 139,922
    // rows = (2,000,000 − 107 − 102,400 − 139,922) / (50 + 1 + 10) = 28,812
    assertThat(ModelSize.parse("2M").cutoff(735, 100, true, true, 2)).isEqualTo(28_812);
    // a dense output matrix: 16 + 4·6·10 = 256; rows = (100,000 − 107 − 10,240 − 256) / (5 + 1 + 10)
    assertThat(ModelSize.parse("100k").cutoff(6, 10, false, true, 2)).isEqualTo(5_587);
  }

  @Test
  void aSizeTooSmallForAnyModelGivesNoSettings() {
    TrialArgs t = new TrialArgs(Args.builder().dim(100).build(), 2);
    assertThat(ModelSize.parse("100k").settings(t, 735)).isEmpty();
    assertThat(ModelSize.parse("2M").settings(t, 735)).hasValueSatisfying(q -> {
      assertThat(q.cutoff()).isEqualTo(28_812);
      assertThat(q.qnorm()).isTrue();
      assertThat(q.qout()).isTrue();
      assertThat(q.retrain()).isTrue();
    });
    assertThat(ModelSize.parse("2M").settings(t, 6)).hasValueSatisfying(q ->
        assertThat(q.qout()).isFalse());
  }
}
