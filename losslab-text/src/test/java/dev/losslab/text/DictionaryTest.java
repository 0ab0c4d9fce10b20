package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DictionaryTest {

  private static Args args() {
    return Args.builder().thread(1).build();
  }

  /** Entries as a model file holds them, as byte arrays. */
  private record Entries(int nwords, int nlabels, long ntokens, byte[][] words, long[] counts)
      implements dev.losslab.text.format.DictionaryEntries {
    @Override public byte[] wordBytes(int id) { return words[id]; }
    @Override public long count(int id) { return counts[id]; }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void fromEntriesKeepsTheirArraysAndMatchesTheArrayConstructor() {
    Args a = Args.builder().thread(1).minn(2).maxn(3).bucket(100).build();
    byte[][] words = {utf8("</s>"), utf8("crème"), utf8("x"), utf8("__label__b"), utf8("__label__a")};
    long[] counts = {5, 3, 1, 4, 2};
    Dictionary viaEntries = new Dictionary(a, new Entries(3, 2, 17, words, counts));
    Dictionary viaArrays = new Dictionary(a, words.clone(), counts.clone(), 3, 17);
    assertThat(viaEntries.size()).isEqualTo(5);
    assertThat(viaEntries.nwords()).isEqualTo(3);
    assertThat(viaEntries.nlabels()).isEqualTo(2);
    assertThat(viaEntries.ntokens()).isEqualTo(17);
    assertThat(viaEntries.labelCounts()).containsExactly(4, 2);
    for (int i = 0; i < 5; i++) {
      assertThat(viaEntries.wordBytes(i)).isSameAs(words[i]);
      assertThat(viaEntries.count(i)).isEqualTo(counts[i]);
      assertThat(viaEntries.find(words[i], 0, words[i].length)).isEqualTo(i);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(viaEntries.subwords(i)).isEqualTo(viaArrays.subwords(i));
    }
    assertThat(viaEntries.subwords(1).length).isGreaterThan(1);
    assertThat(viaEntries.eosId()).isZero();
    assertThat(viaEntries.find("y")).isEqualTo(-1);
  }

  @Test
  void fromEntriesRejectsAnEntryThatAppearsTwice() {
    byte[][] words = {utf8("x"), utf8("y"), utf8("x"), utf8("__label__a")};
    assertThatThrownBy(() -> new Dictionary(args(), new Entries(3, 1, 9, words, new long[4])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dictionary entry 2 ('x') appears twice");
  }

  @Test
  void countsEveryTokenAndOrdersWordsThenLabelsByCount() {
    TrainingData d = Fixtures.read(
        "__label__b x y y\n__label__a y z\n__label__b y x __label__a\n", args());
    Dictionary dict = d.dictionary();
    // tokens: 4+1, 3+1, 4+1 = 14 (labels and </s> included)
    assertThat(dict.ntokens()).isEqualTo(14);
    assertThat(dict.nwords()).isEqualTo(4);
    assertThat(dict.nlabels()).isEqualTo(2);
    // y 4, </s> 3, x 2, z 1; then __label__b 2, __label__a 2 (tie: first seen first)
    assertThat(dict.word(0)).isEqualTo("y");
    assertThat(dict.word(1)).isEqualTo("</s>");
    assertThat(dict.word(2)).isEqualTo("x");
    assertThat(dict.word(3)).isEqualTo("z");
    assertThat(dict.label(0)).isEqualTo("__label__b");
    assertThat(dict.label(1)).isEqualTo("__label__a");
    assertThat(dict.find("x")).isEqualTo(2);
    assertThat(dict.find("nope")).isEqualTo(-1);
    assertThat(dict.bucket()).isZero(); // unigrams, no char n-grams: fastText forces bucket 0
  }

  @Test
  void minCountDropsRareWordsAndMinCountLabelRareLabels() {
    Args a = Args.builder().thread(1).minCount(2).minCountLabel(2).build();
    DictionaryBuilder b = new DictionaryBuilder(a);
    b.addAll(new TokenReader(
        Fixtures.stream("__label__b x y y\n__label__a y z\n__label__b y x __label__c\n"), "t"));
    Dictionary dict = b.build();
    assertThat(dict.find("z")).isEqualTo(-1);
    assertThat(dict.find("__label__a")).isEqualTo(-1);
    assertThat(dict.find("__label__c")).isEqualTo(-1);
    assertThat(dict.nlabels()).isEqualTo(1);
    assertThat(dict.nwords()).isEqualTo(3); // y, </s>, x
    assertThat(dict.ntokens()).isEqualTo(14);
  }

  @Test
  void sameEntriesAndCountsAsFastText() {
    Args a = Args.builder().thread(1).wordNgrams(2).bucket(1000).minn(2).maxn(3).build();
    TrainingData d = TrainingData.read(Fixtures.resource("train.txt"), a);
    Dictionary dict = d.dictionary();
    String[] dump = Fixtures.text("softmax.dump-dict.txt").split("\n");
    assertThat(Integer.parseInt(dump[0].trim())).isEqualTo(dict.size());
    Map<String, Long> fasttext = new HashMap<>();
    int words = 0;
    for (int i = 1; i < dump.length; i++) {
      String[] f = dump[i].split(" ");
      fasttext.put(f[0], Long.parseLong(f[1]));
      if (f[2].equals("word")) {
        words++;
      }
    }
    assertThat(dict.nwords()).isEqualTo(words);
    for (int i = 0; i < dict.size(); i++) {
      assertThat(fasttext.get(dict.word(i))).as(dict.word(i)).isEqualTo(dict.count(i));
      if (i > 0 && i != dict.nwords()) {
        assertThat(dict.count(i)).isLessThanOrEqualTo(dict.count(i - 1));
      }
    }
  }

  @Test
  void lineEncodingFollowsFastTextGetLine() {
    Args a = Args.builder().thread(1).wordNgrams(2).bucket(100).build();
    TrainingData d = Fixtures.read("__label__a x y\n__label__b y x\n", a);
    Dictionary dict = d.dictionary();
    LineEncoder enc = new LineEncoder(dict);
    TokenReader r = new TokenReader(Fixtures.stream("x __label__b oov y\n"), "t");
    int n = enc.read(r);
    assertThat(n).isEqualTo(5);
    // unigrams x, y, </s> (oov adds nothing), then bigrams over the word hashes x oov y </s>
    int nw = dict.nwords();
    int[] h = {FastTextHash.hash("x"), FastTextHash.hash("oov"), FastTextHash.hash("y"),
        FastTextHash.hash("</s>")};
    int[] expected = new int[6];
    expected[0] = dict.find("x");
    expected[1] = dict.find("y");
    expected[2] = dict.find("</s>");
    for (int i = 0; i < 3; i++) {
      expected[3 + i] = nw + FastTextHash.ngramBucket(FastTextHash.mix(h[i], h[i + 1]), 100);
    }
    assertThat(enc.words().toArray()).containsExactly(expected);
    assertThat(enc.labels().toArray()).containsExactly(dict.find("__label__b") - nw);
  }
}
