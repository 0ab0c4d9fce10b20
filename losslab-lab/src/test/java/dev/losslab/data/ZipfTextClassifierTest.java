package dev.losslab.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.text.Args;
import dev.losslab.text.Heads;
import dev.losslab.text.Meter;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.Trainer;
import dev.losslab.text.TrainingData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated Zipf documents are fastText input: the text classifier reads and learns them. */
class ZipfTextClassifierTest {

  static double precisionAt1(ZipfText world, Path dir) throws Exception {
    Path train = dir.resolve("train.txt");
    Path test = dir.resolve("test.txt");
    world.write(train, 800, 1);
    world.write(test, 400, 2);
    Args args = Args.builder().thread(1).seed(1).dim(10).epoch(5).lr(0.5).build();
    TrainingData data = TrainingData.read(train, args);
    TextClassifier c = Trainer.train(args, data, Heads.create(args, data.dictionary().labelCounts()), null);
    try (var in = Files.newInputStream(test)) {
      Meter m = c.test(in, "test.txt", 1, 0f, null);
      assertThat(m.examples()).isEqualTo(400);
      return m.precision();
    }
  }

  @Test
  void classifierLearnsEasyWorldsAndStrugglesOnHardOnes(@TempDir Path dir) throws Exception {
    // few shared words: classes are told apart by their own words
    double easy = precisionAt1(new ZipfText(4, 1000, 30, 0.2, 1.1, 0.0, 3), dir);
    // every word shared, flat Zipf: only word frequencies differ, over short documents
    double hard = precisionAt1(new ZipfText(4, 1000, 5, 1.0, 0.3, 0.0, 3), dir);
    assertThat(easy).isGreaterThan(0.95);
    assertThat(hard).isLessThan(easy - 0.2);
  }
}
