package dev.losslab.text.autotune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.text.Args;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSearchTest {
  static final Args GIVEN = Args.builder().thread(1).build();

  static List<TrialArgs> draws(RandomSearch s, int n, double t) {
    List<TrialArgs> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s.next(t));
    }
    return out;
  }

  @Test
  void sigmaHoldsForAQuarterThenFallsLinearlyToItsEnd() {
    assertThat(RandomSearch.sigma(2.8, 2.5, 0.0)).isEqualTo(2.8);
    assertThat(RandomSearch.sigma(2.8, 2.5, 0.25)).isEqualTo(2.8);
    assertThat(RandomSearch.sigma(2.8, 2.5, 0.5)).isCloseTo(2.65, within(1e-12));
    assertThat(RandomSearch.sigma(2.8, 2.5, 0.75)).isCloseTo(2.5, within(1e-12));
    assertThat(RandomSearch.sigma(2.8, 2.5, 1.0)).isCloseTo(2.5, within(1e-12));
  }

  @Test
  void theFirstTrialIsTheGivenArguments() {
    TrialArgs start = new TrialArgs(GIVEN, 2);
    RandomSearch s = new RandomSearch(start, Set.of(), List.of(), 1);
    assertThat(s.next(0)).isSameAs(start);
  }

  @Test
  void everyDrawStaysInFastTextsRanges() {
    RandomSearch s = new RandomSearch(new TrialArgs(GIVEN, 2), Set.of(), List.of(), 7);
    s.next(0);
    for (TrialArgs t : draws(s, 2000, 0.1)) {
      Args a = t.args();
      assertThat(a.epoch()).isBetween(1, 100);
      assertThat(a.lr()).isBetween(0.01, 5.0);
      assertThat(a.dim()).isBetween(1, 1000);
      assertThat(a.wordNgrams()).isBetween(1, 5);
      assertThat(t.dsub()).isIn(2, 4, 8, 16);
      assertThat(a.minn()).isIn(0, 2, 3);
      assertThat(a.maxn()).isEqualTo(a.minn() == 0 ? 0 : a.minn() + 3);
      assertThat(a.loss()).isEqualTo(Args.SOFTMAX);
      if (a.wordNgrams() <= 1 && a.maxn() == 0) {
        assertThat(a.bucket()).isZero();
      } else {
        assertThat(a.bucket()).isBetween(10_000, 10_000_000);
        assertThat((a.bucket() + 1L) * a.dim()).isLessThanOrEqualTo(Integer.MAX_VALUE - 8L);
      }
    }
  }

  @Test
  void drawsSpreadWideEarlyAndNarrowLate() {
    RandomSearch early = new RandomSearch(new TrialArgs(GIVEN, 2), Set.of(), List.of(), 3);
    RandomSearch late = new RandomSearch(new TrialArgs(GIVEN, 2), Set.of(), List.of(), 3);
    early.next(0);
    late.next(1);
    double spreadEarly = 0;
    double spreadLate = 0;
    for (int i = 0; i < 500; i++) {
      spreadEarly += Math.abs(Math.log(early.next(0).args().dim() / 100.0));
      spreadLate += Math.abs(Math.log(late.next(1).args().dim() / 100.0));
    }
    assertThat(spreadLate).isLessThan(spreadEarly / 2);
  }

  @Test
  void parametersGivenByHandKeepTheirValues() {
    Args given = GIVEN.toBuilder().epoch(25).lr(1.0).wordNgrams(2).build();
    RandomSearch s = new RandomSearch(new TrialArgs(given, 4),
        EnumSet.of(SearchParam.EPOCH, SearchParam.LR, SearchParam.WORD_NGRAMS, SearchParam.DSUB),
        List.of(), 5);
    s.next(0);
    for (TrialArgs t : draws(s, 200, 0.5)) {
      assertThat(t.args().epoch()).isEqualTo(25);
      assertThat(t.args().lr()).isEqualTo(1.0);
      assertThat(t.args().wordNgrams()).isEqualTo(2);
      assertThat(t.dsub()).isEqualTo(4);
      assertThat(t.args().bucket()).isBetween(10_000, 10_000_000);
    }
  }

  @Test
  void bucketZeroByHandTurnsTheNgramsOff() {
    Args given = GIVEN.toBuilder().bucket(0).build();
    RandomSearch s = new RandomSearch(new TrialArgs(given, 2), EnumSet.of(SearchParam.BUCKET),
        List.of(), 5);
    s.next(0);
    for (TrialArgs t : draws(s, 200, 0.5)) {
      assertThat(t.args().bucket()).isZero();
      assertThat(t.args().wordNgrams()).isEqualTo(1);
      assertThat(t.args().maxn()).isZero();
    }
  }

  @Test
  void theSameSeedAndBestsGiveTheSameDraws() {
    RandomSearch a = new RandomSearch(new TrialArgs(GIVEN, 2), Set.of(), List.of(), 11);
    RandomSearch b = new RandomSearch(new TrialArgs(GIVEN, 2), Set.of(), List.of(), 11);
    RandomSearch c = new RandomSearch(new TrialArgs(GIVEN, 2), Set.of(), List.of(), 12);
    List<TrialArgs> da = draws(a, 20, 0.3);
    List<TrialArgs> db = draws(b, 20, 0.3);
    assertThat(da.toString()).isEqualTo(db.toString());
    assertThat(draws(c, 20, 0.3).toString()).isNotEqualTo(da.toString());
    a.improved(da.get(5));
    b.improved(db.get(5));
    assertThat(draws(a, 20, 0.6).toString()).isEqualTo(draws(b, 20, 0.6).toString());
  }

  @Test
  void drawsComeInPairsMirroredAroundTheBestPoint() {
    Args given = GIVEN.toBuilder().lr(0.1).build();
    RandomSearch s = new RandomSearch(new TrialArgs(given, 2), Set.of(), List.of(), 21);
    s.next(0);
    for (int pair = 0; pair < 50; pair++) {
      double first = Math.log(s.next(0.5).args().lr() / 0.1);
      double second = Math.log(s.next(0.5).args().lr() / 0.1);
      if (Math.abs(first) < Math.log(10)) { // neither clipped at 0.01 or 5
        assertThat(second).isCloseTo(-first, within(1e-9));
      }
    }
    // a new best point starts a new pair: the next draw is a fresh one, not a mirror
    TrialArgs a = s.next(0.5);
    s.improved(new TrialArgs(given, 2));
    double fresh = Math.log(s.next(0.5).args().lr() / 0.1);
    assertThat(fresh).isNotCloseTo(-Math.log(a.args().lr() / 0.1), within(1e-9));
  }

  @Test
  void drawsCentreOnTheImprovedTrial() {
    RandomSearch s = new RandomSearch(new TrialArgs(GIVEN, 2), Set.of(), List.of(), 9);
    s.next(0);
    TrialArgs better = new TrialArgs(GIVEN.toBuilder().dim(400).epoch(40).build(), 8);
    s.improved(better);
    assertThat(s.best()).isSameAs(better);
    double logDim = 0;
    int n = 400;
    for (TrialArgs t : draws(s, n, 1.0)) {
      logDim += Math.log(t.args().dim()) / Math.log(2);
    }
    // σ = 0.3 at the end: the mean of log2(dim) stays near log2(400) ≈ 8.64 (truncation lowers it)
    assertThat(logDim / n).isBetween(8.3, 8.8);
  }

  @Test
  void theLossIsDrawnFromTheListAndTheBestKeptMostOfTheTime() {
    List<SearchLoss> losses = SearchLoss.parseList("softmax,ova,focal:gamma=1", GIVEN);
    RandomSearch s = new RandomSearch(new TrialArgs(losses.get(1).applyTo(GIVEN.toBuilder()).build(), 2),
        Set.of(), losses, 4);
    s.next(0);
    int kept = 0;
    int n = 1000;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (TrialArgs t : draws(s, n, 1.0)) {
      seen.add(t.lossText());
      if (t.lossText().equals("ova")) {
        kept++;
      }
    }
    assertThat(seen).containsExactlyInAnyOrder("softmax", "ova", "focal:gamma=1");
    // at the end another loss is drawn with probability 0.2
    assertThat(kept).isBetween(740, 860);
  }
}
