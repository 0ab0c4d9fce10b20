package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A compact corpus (word n-grams hashed when a line is read) gives every line exactly the rows a full
 * corpus stores, so training on either is bit-identical.
 */
class CorpusTest {

  /** Each line's rows, as a cursor reads them. */
  static int[][] rowsOf(Corpus c) {
    int[][] out = new int[c.lines()][];
    Corpus.Rows rows = c.rows();
    for (int i = 0; i < c.lines(); i++) {
      rows.line(i);
      out[i] = Arrays.copyOfRange(rows.array(), rows.from(), rows.to());
    }
    return out;
  }

  /** Lines of very different lengths, rare words (dropped by minCount 2) inside n-gram chains, labels mid-line. */
  private static final String DATA = "__label__a x y z x\n"
      + "__label__b rare1 x y\n"
      + "y __label__a z rare2 x y z x y z x y z x y z x y z\n"
      + "\n"
      + "__label__b z\n"
      + "__label__c x rare3\n"
      + "__label__a y x\n";

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of(DATA, 2, 1), Arguments.of(DATA, 2, 2), Arguments.of(DATA, 3, 1),
        Arguments.of(DATA, 5, 2), Arguments.of(Fixtures.text("train.txt"), 2, 1),
        Arguments.of(Fixtures.text("train.txt"), 3, 3));
  }

  @ParameterizedTest
  @MethodSource("settings")
  void compactRowsAreTheFullRows(String data, int wordNgrams, int minCount) {
    Args args = Args.builder().wordNgrams(wordNgrams).minCount(minCount).bucket(97).build();
    Corpus compact = TrainingData.inMemory(Fixtures.source(data), "data.txt", args, true).corpus();
    Corpus full = TrainingData.inMemory(Fixtures.source(data), "data.txt", args, false).corpus();
    assertThat(compact.compact()).isTrue();
    assertThat(full.compact()).isFalse();
    assertThat(compact.lines()).isEqualTo(full.lines());
    assertThat(rowsOf(compact)).isDeepEqualTo(rowsOf(full));
    assertThat(Arrays.copyOf(compact.labelStart(), compact.lines() + 1))
        .containsExactly(Arrays.copyOf(full.labelStart(), full.lines() + 1));
    assertThat(Arrays.copyOf(compact.tokens(), compact.lines()))
        .containsExactly(Arrays.copyOf(full.tokens(), full.lines()));
    assertThat(compact.totalTokens()).isEqualTo(full.totalTokens());
  }

  @Test
  void theRowsOfALineAreItsUnigramsThenItsBigrams() {
    Args args = Args.builder().wordNgrams(2).bucket(97).build();
    TrainingData d = TrainingData.read(Fixtures.source("__label__a x y\n__label__b y\n"), "d", args);
    Dictionary dict = d.dictionary();
    int x = dict.find("x");
    int y = dict.find("y");
    int eos = dict.eosId();
    int[] hashes = {FastTextHash.hash("x"), FastTextHash.hash("y"), FastTextHash.hash("</s>")};
    IntList bigrams = new IntList();
    FastTextHash.addWordNgrams(hashes, 3, 2, dict.nwords(), 97, bigrams);
    assertThat(bigrams.size()).isEqualTo(2);
    assertThat(rowsOf(d.corpus())[0])
        .containsExactly(x, y, eos, bigrams.get(0), bigrams.get(1));
    assertThat(bigrams.get(0) - dict.nwords()).isEqualTo(FastTextHash.ngramBucket(
        FastTextHash.mix(FastTextHash.start(hashes[0]), hashes[1]), 97));
  }

  @Test
  void onlyWordNgramsWithoutCharacterNgramsAreCompact() {
    String data = "__label__a x y\n__label__b y z\n";
    assertThat(TrainingData.inMemory(Fixtures.source(data), "d", Args.builder().build()).corpus().compact())
        .isFalse();
    assertThat(TrainingData.inMemory(Fixtures.source(data), "d",
        Args.builder().wordNgrams(2).minn(2).maxn(3).bucket(97).build()).corpus().compact()).isFalse();
    assertThat(TrainingData.inMemory(Fixtures.source(data), "d",
        Args.builder().wordNgrams(2).bucket(97).build()).corpus().compact()).isTrue();
  }

  @Test
  void aCompactBuilderTakesWholeLinesAndNoCharacterNgrams() {
    Args args = Args.builder().wordNgrams(2).bucket(97).build();
    Dictionary dict = TrainingData.read(Fixtures.source("__label__a x\n__label__b y\n"), "d", args)
        .dictionary();
    Corpus.Builder b = Corpus.Builder.compact(dict, 10, 2);
    assertThatThrownBy(() -> b.add(new IntList(), new IntList(), 1))
        .isInstanceOf(IllegalStateException.class);
    Args sub = args.toBuilder().minn(2).maxn(3).build();
    Dictionary withSub = TrainingData.read(Fixtures.source("__label__a x\n__label__b y\n"), "d", sub)
        .dictionary();
    assertThatThrownBy(() -> Corpus.Builder.compact(withSub, 10, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a compact corpus needs maxn 0 (the dictionary has maxn 3)");
  }

  @Test
  void trainingOnACompactCorpusIsBitIdentical() {
    Args args = Args.builder().thread(1).seed(9).dim(8).wordNgrams(2).bucket(500).epoch(3).lr(0.5)
        .build();
    TextClassifier[] models = new TextClassifier[2];
    for (int k = 0; k < 2; k++) {
      TrainingData data = TrainingData.inMemory(Fixtures.source(Fixtures.text("train.txt")),
          "train.txt", args, k == 0);
      assertThat(data.corpus().compact()).isEqualTo(k == 0);
      models[k] = Trainer.train(args, data, Heads.create(args, data.dictionary().labelCounts()), null);
    }
    assertThat(models[0].model().input()).isEqualTo(models[1].model().input());
    assertThat(models[0].model().output()).isEqualTo(models[1].model().output());
  }
}
