package dev.losslab.text.autotune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.text.Args;
import dev.losslab.text.Heads;
import dev.losslab.text.LineEncoder;
import dev.losslab.text.ModelFiles;
import dev.losslab.text.Predictions;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.TokenReader;
import dev.losslab.text.Trainer;
import dev.losslab.text.TrainingData;
import dev.losslab.text.Workspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial quantized by {@link ProductQuantization} predicts from the unquantized dictionary's rows
 * what the saved {@code .ftz}, loaded back, predicts from its own reading of the same lines.
 */
class ProductQuantizationTest {
  @TempDir Path dir;

  /** Three topics of 150 words each and shared noise: more words than the cutoff keeps. */
  static String corpus(int lines, long seed) {
    Random r = new Random(seed);
    String[] names = {"a", "b", "c"};
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      int l = r.nextInt(3);
      t.append("__label__").append(names[l]);
      for (int w = 0; w < 8; w++) {
        t.append(' ').append(r.nextInt(3) < 2 ? names[l] + r.nextInt(150) : "n" + r.nextInt(60));
      }
      t.append('\n');
    }
    return t.toString();
  }

  static TrainingData.Source source(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return () -> new ByteArrayInputStream(b);
  }

  @Test
  void aQuantizedTrialPredictsAsItsFtzLoadedBack() throws IOException {
    TrainingData.Source train = source(corpus(600, 1));
    String valid = corpus(200, 2);
    Args a = Args.builder().dim(8).epoch(5).lr(0.5).wordNgrams(2).minn(2).maxn(3).bucket(5_000)
        .thread(1).seed(7).verbose(0).build();
    TrainingData data = TrainingData.read(train, "train.txt", a);
    TextClassifier model = Trainer.train(a, data, Heads.create(a, data.dictionary().labelCounts()),
        null);
    int words = model.dictionary().nwords();
    assertThat(words).isGreaterThan(400);
    Quantizer.Settings s = new Quantizer.Settings(300, 2, true, false, true, 2, 0.1, 1);
    Quantizer.Quantized q = new ProductQuantization().quantize(model, train, "train.txt", s);
    Path ftz = dir.resolve("t.ftz");
    q.save(ftz);
    TextClassifier loaded = ModelFiles.load(ftz);
    assertThat(loaded.model().isQuantized()).isTrue();
    assertThat(loaded.model().inputRows()).isEqualTo(300);
    assertThat(loaded.dictionary().nwords()).isBetween(1, words - 1); // words were cut off too
    assertThat(loaded.dictionary().pruneIndex()).isPresent();

    LinePredictor trial = q.predictors().get();
    Workspace ws = loaded.workspace();
    int k = 2;
    Predictions expected = new Predictions(3);
    Predictions actual = new Predictions(3);
    LineEncoder before = new LineEncoder(model.dictionary());
    LineEncoder after = new LineEncoder(loaded.dictionary());
    int lines = 0;
    int fewerRows = 0;
    int predicted = 0;
    byte[] v = valid.getBytes(StandardCharsets.UTF_8);
    try (TokenReader r1 = new TokenReader(new ByteArrayInputStream(v), "valid.txt");
        TokenReader r2 = new TokenReader(new ByteArrayInputStream(v), "valid.txt")) {
      while (before.read(r1) > 0) {
        assertThat(after.read(r2)).isPositive();
        lines++;
        if (after.words().size() < before.words().size()) {
          fewerRows++;
        }
        loaded.predict(after, ws, k, 0f, expected);
        trial.predict(before.words().array(), 0, before.words().size(), k, actual);
        assertThat(actual.size()).as("line %d", lines).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
          assertThat(actual.label(i)).as("line %d, label %d", lines, i).isEqualTo(expected.label(i));
          assertThat(actual.probability(i)).as("line %d, label %d", lines, i)
              .isEqualTo(expected.probability(i));
        }
        predicted += expected.size() > 0 ? 1 : 0;
      }
    }
    assertThat(lines).isEqualTo(200);
    assertThat(fewerRows).as("lines that lost rows to the cutoff").isGreaterThan(100);
    assertThat(predicted).isGreaterThan(100);
  }
}
