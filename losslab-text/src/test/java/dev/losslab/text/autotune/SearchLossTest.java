package dev.losslab.text.autotune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.loss.Losses;
import dev.losslab.text.Args;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchLossTest {
  static final Args BASE = Args.defaults();

  @Test
  void commasInsideBracketsDoNotSplit() {
    assertThat(Losses.splitList("softmax,formula:max(0, 1 - s[label] + logsumexp(s)),ova"))
        .containsExactly("softmax", "formula:max(0, 1 - s[label] + logsumexp(s))", "ova");
  }

  @Test
  void parsesHeadsCoreLossesWithOptionsAndFormulas() {
    List<SearchLoss> l = SearchLoss.parseList(
        "softmax, hs,focal:gamma=1,formula:logsumexp(s) - s[label]", BASE);
    assertThat(l).extracting(SearchLoss::name)
        .containsExactly("softmax", "hs", "focal", "formula:logsumexp(s) - s[label]");
    assertThat(l.get(2).options()).isEqualTo(Map.of("gamma", "1"));
    assertThat(l.get(2).text()).isEqualTo("focal:gamma=1");
    Args a = l.get(2).applyTo(BASE.toBuilder().lossOption("q", "0.7")).build();
    assertThat(a.loss()).isEqualTo("focal");
    assertThat(a.lossOptions()).containsOnlyKeys("gamma");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "softmax,,ova|an empty loss name",
      "softmax,softmax|softmax is listed twice",
      "focal:gamma|option 'gamma' of focal must be written option=value",
      "nosuchloss|-autotune-losses nosuchloss: unknown loss"})
  void badListsNameTheFlagAndTheLoss(String text, String message) {
    assertThatThrownBy(() -> SearchLoss.parseList(text, BASE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("-autotune-losses ")
        .hasMessageContaining(message);
  }
}
