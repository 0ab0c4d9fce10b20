package dev.losslab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void aCountIsAWholeNumberAndAMeanOfCountsKeepsOneDecimal() {
    assertThat(Numbers.count(16.0)).isEqualTo("16");
    assertThat(Numbers.count(0.0)).isEqualTo("0");
    assertThat(Numbers.count(49.0 / 3)).isEqualTo("16.3");
    assertThat(Numbers.count(Double.NaN)).isEqualTo("NaN");
    assertThat(Numbers.count(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    // a number that is not a count keeps its decimals
    assertThat(Numbers.format(16.0, 4)).isEqualTo("16.0000");
  }

  @Test
  void meanAndSdOfCountsAreWholeWhenEveryRunAgrees() {
    assertThat(MeanSd.of(16, 16, 16).formatCount()).isEqualTo("16 ± 0");
    assertThat(MeanSd.of(9).formatCount()).isEqualTo("9 ± 0");
    assertThat(MeanSd.of(16, 16, 17).formatCount()).isEqualTo("16.3 ± 0.6");
    assertThat(MeanSd.of(16, 16, 16).format(4)).isEqualTo("16.0000 ± 0.0000");
  }
}
