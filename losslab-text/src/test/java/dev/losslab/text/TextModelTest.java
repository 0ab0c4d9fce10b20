package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextModelTest {
  @TempDir Path dir;

  private static List<LabelledText> documents() {
    String[][] topics = {{"bread", "flour", "oven", "dough", "yeast"}, {"knife", "blade", "steel", "edge"},
        {"egg", "yolk", "boil", "shell"}};
    String[] names = {"baking", "knives", "eggs"};
    java.util.Random r = new java.util.Random(5);
    List<LabelledText> docs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int l = r.nextInt(3);
      StringBuilder t = new StringBuilder();
      for (int w = 0; w < 6; w++) {
        t.append(w == 0 ? "" : " ").append(r.nextInt(4) < 3 ? topics[l][r.nextInt(topics[l].length)] : "the");
      }
      docs.add(i % 17 == 0 ? LabelledText.of(t.toString(), names[l], names[(l + 1) % 3])
          : LabelledText.of(t.toString(), names[l]));
    }
    return docs;
  }

  private static TrainOptions options() {
    return TrainOptions.defaults().dim(8).epoch(5).lr(0.5).wordNgrams(2).bucket(1000).thread(1).seed(7);
  }

  /** The test texts: seen and unseen words, empty, line breaks, non-ASCII. */
  private static List<String> texts() {
    List<String> t = new ArrayList<>();
    for (LabelledText d : documents()) {
      t.add(d.text());
    }
    t.addAll(List.of("", "   ", "oven\nblade", "caf\u00e9 yolk \ud83d\ude00", "unknown words only"));
    return t;
  }

  @Test
  void trainingOnDocumentsIsTrainingOnTheirFile() throws IOException {
    StringBuilder file = new StringBuilder();
    for (LabelledText d : documents()) {
      for (String l : d.labels()) {
        file.append("__label__").append(l).append(' ');
      }
      file.append(d.text()).append('\n');
    }
    Path f = dir.resolve("train.txt");
    Files.writeString(f, file.toString());
    TextModel fromFile = TextModel.train(f, options());
    TextModel fromDocs = TextModel.train(documents(), options());
    assertThat(fromDocs.classifier().model().input()).isEqualTo(fromFile.classifier().model().input());
    assertThat(fromDocs.classifier().model().output()).isEqualTo(fromFile.classifier().model().output());
    assertThat(fromDocs.labels()).containsExactlyInAnyOrder("__label__baking", "__label__eggs",
        "__label__knives");
  }

  @Test
  void predictIsWhatTheCommandLinePathPredicts() throws IOException {
    TextModel m = TextModel.train(documents(), options());
    TextClassifier c = m.classifier();
    Workspace ws = c.workspace();
    Predictions p = new Predictions(c.dictionary().nlabels());
    LineEncoder enc = new LineEncoder(c.dictionary());
    for (String text : texts()) {
      // the text as one line of a file, as predict-prob reads it
      byte[] line = (text.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
      enc.read(new TokenReader(new java.io.ByteArrayInputStream(line), "t"));
      c.predict(enc, ws, -1, 0f, p);
      List<Prediction> got = m.predict(text, -1, 0.0);
      assertThat(got).hasSize(p.size());
      for (int i = 0; i < p.size(); i++) {
        assertThat(got.get(i)).isEqualTo(new Prediction(c.dictionary().label(p.label(i)), p.probability(i)));
      }
    }
    assertThat(m.predict("oven\nblade", 2, 0)).isEqualTo(m.predict("oven blade", 2, 0));
    assertThat(m.predict("bread dough")).hasSize(1);
    assertThat(m.predict("bread dough").get(0).label()).isEqualTo("__label__baking");
  }

  @Test
  void eightThreadsPredictExactlyWhatOneThreadPredicts() throws Exception {
    TextModel m = TextModel.train(documents(), options().loss("ova"));
    List<String> texts = texts();
    List<List<Prediction>> single = new ArrayList<>();
    for (String t : texts) {
      single.add(m.predict(t, -1, 0.0));
    }
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<List<Prediction>>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        final int offset = t;
        results.add(pool.submit(() -> {
          start.await();
          List<List<Prediction>> mine = new ArrayList<>(java.util.Collections.nCopies(texts.size(), null));
          // every thread goes over all texts many times, each from its own starting point
          for (int round = 0; round < 20; round++) {
            for (int i = 0; i < texts.size(); i++) {
              int j = (i + offset * 37) % texts.size();
              List<Prediction> got = m.predict(texts.get(j), -1, 0.0);
              if (!got.equals(single.get(j))) {
                throw new AssertionError("thread " + offset + ", text " + j + ": " + got + " vs " + single.get(j));
              }
              mine.set(j, got);
            }
          }
          return mine;
        }));
      }
      start.countDown();
      for (Future<List<List<Prediction>>> f : results) {
        assertThat(f.get()).isEqualTo(single);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void saveAndLoadPredictTheSame() throws IOException {
    TextModel m = TextModel.train(documents(), options().loss("focal").lossOption("gamma", 2.0));
    Path f = dir.resolve("m.bin");
    m.save(f);
    TextModel back = TextModel.load(f);
    for (String t : texts()) {
      assertThat(back.predict(t, 3, 0.01)).isEqualTo(m.predict(t, 3, 0.01));
    }
    assertThat(back.classifier().head().name()).isEqualTo("focal");
    assertThat(back.predict("bread oven", -1, 0.0).get(0).probability()).isLessThanOrEqualTo(1.00001);
  }

  @Test
  void progressIsToldEveryEpoch() throws IOException {
    List<Integer> epochs = new ArrayList<>();
    TextModel.train(documents(), options().epoch(4).progress(s -> {
      synchronized (epochs) {
        epochs.add(s.epoch());
      }
    }));
    assertThat(epochs).containsSubsequence(1, 2, 3, 4);
  }

  @Test
  void vectorsAreThoseOfWordVectors() throws IOException {
    TextModel m = TextModel.train(documents(), options().minn(2).maxn(3));
    WordVectors v = new WordVectors(m.classifier());
    float[] expected = new float[8];
    v.word("oven".getBytes(StandardCharsets.UTF_8), 0, 4, expected);
    assertThat(m.wordVector("oven")).containsExactly(expected);
    LineEncoder enc = new LineEncoder(m.classifier().dictionary());
    enc.read(new TokenReader(Fixtures.stream("bread unknown\n"), "t"));
    v.sentence(enc, expected);
    assertThat(m.sentenceVector("bread unknown")).containsExactly(expected);
  }

  @Test
  void badArgumentsAreNamed() throws IOException {
    TextModel m = TextModel.train(documents(), options());
    assertThatThrownBy(() -> m.predict("x", 0, 0)).hasMessage("k (0) must be -1 (all labels) or > 0");
    assertThatThrownBy(() -> m.predict("x", 1, Double.NaN)).hasMessage("threshold (NaN) must be in [0, 1]");
    assertThatThrownBy(() -> TextModel.train(documents(), options().dim(0))).hasMessage("-dim (0) must be > 0");
    assertThatThrownBy(() -> TextModel.train(documents(), options().loss("nope")))
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> TextModel.train(List.of(LabelledText.of("a b", "x")), options()))
        .hasMessage("documents: only one label (__label__x); a classifier needs at least two");
    assertThatThrownBy(() -> TextModel.train(dir.resolve("none.txt"), options()))
        .hasMessage(dir.resolve("none.txt") + ": no such file");
    assertThatThrownBy(() -> LabelledText.of("x", " ")).hasMessageContaining("blank");
    assertThatThrownBy(() -> TextModel.train(List.of(LabelledText.of("a", "x"), LabelledText.of("b", "y")),
        options().strict(true).pretrainedVectors(dir.resolve("none.vec"))))
        .hasMessage(dir.resolve("none.vec") + ": no such file");
  }

  @Test
  void aOneShotIterableIsReadOnceIntoTheCorpusFile() throws IOException {
    List<LabelledText> docs = documents();
    int[] iterators = {0};
    Iterable<LabelledText> counted = () -> {
      iterators[0]++;
      return docs.iterator();
    };
    TextModel fromList = TextModel.train(docs, options());
    TextModel streamed = TextModel.train(counted, options());
    assertThat(iterators[0]).isEqualTo(1);
    java.util.Iterator<LabelledText> once = docs.iterator();
    TextModel fromOnce = TextModel.train(() -> once, options());
    for (TextModel m : List.of(streamed, fromOnce)) {
      assertThat(m.classifier().model().input()).isEqualTo(fromList.classifier().model().input());
      assertThat(m.classifier().model().output()).isEqualTo(fromList.classifier().model().output());
    }
  }

  @Test
  void anIterableThatGivesOtherDocumentsTheSecondTimeIsNamed() throws IOException {
    // a second pass comes when the vocabulary is pruned; it must see the same documents
    List<LabelledText> docs = documents();
    TextModel twice = TextModel.train(docs, options(), true);
    assertThat(twice.classifier().model().input())
        .isEqualTo(TextModel.train(docs, options()).classifier().model().input());
    java.util.Iterator<LabelledText> once = docs.iterator();
    assertThatThrownBy(() -> TextModel.train(() -> once, options(), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("documents: the iterable gave 300 documents the first time and 0 the"
            + " second;");
    int[] calls = {0};
    Iterable<LabelledText> shrinking = () -> (calls[0]++ == 0 ? docs : docs.subList(0, 200)).iterator();
    assertThatThrownBy(() -> TextModel.train(shrinking, options(), true))
        .hasMessageStartingWith("documents: the iterable gave 300 documents the first time and 200 the"
            + " second;");
  }

  @Test
  void labelsWithThePrefixOrWhitespaceAreOneLabel() throws IOException {
    TextModel m = TextModel.train(List.of(LabelledText.of("a b", "__label__x"), LabelledText.of("c d", "x"),
        LabelledText.of("e f", "two words")), options());
    assertThat(m.labels()).containsExactlyInAnyOrder("__label__x", "__label__two_words");
    assertThat(Arrays.asList(m.toString().split(" "))).contains("labels,");
  }
}
