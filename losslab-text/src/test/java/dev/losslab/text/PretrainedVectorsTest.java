package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.text.format.VecFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainedVectorsTest {
  @TempDir Path dir;

  private static final String TRAIN = "__label__a x y y\n__label__b q r y\n__label__a x rare\n";

  private VecFile vec(String content, int dim) throws IOException {
    Path f = dir.resolve("p.vec");
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return VecFile.read(f, dim);
  }

  private static List<String> entries(Dictionary d) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < d.size(); i++) {
      out.add(d.word(i) + " " + d.count(i) + (i < d.nwords() ? " word" : " label"));
    }
    return out;
  }

  @Test
  void theFilesWordsJoinTheDictionaryAsFastTextAddsThem() throws IOException {
    Args args = Args.builder().dim(3).minCount(2).thread(1).build();
    VecFile v = vec("4 3\nx 1 2 3\nnew 4 5 6\n__label__c 7 8 9\nrare 0.5 0.5 0.5\n", 3);
    TrainingData d = TrainingData.read(Fixtures.source(TRAIN), "t", args,
        TrainingData.Options.DEFAULT.withPretrainedVectors(v));
    // x gains one occurrence, 'rare' (below -minCount in the data) comes back with count 1, 'new'
    // enters with count 1, and a label of the file enters as a label (fastText 0.9.2 does all four)
    assertThat(entries(d.dictionary())).containsExactly("y 3 word", "</s> 3 word", "x 3 word",
        "new 1 word", "rare 1 word", "__label__a 2 label", "__label__b 1 label", "__label__c 1 label");
    assertThat(d.dictionary().ntokens()).isEqualTo(14 + 4);
  }

  @Test
  void rowsOfTheFilesWordsAreCopiedAndTheOthersKeepTheirRandomValues() throws IOException {
    Args args = Args.builder().dim(3).wordNgrams(2).bucket(50).thread(1).seed(3).build();
    VecFile v = vec("3 3\ny 1 2 3\nq 4 5 6\ny 7 8 9\n", 3);
    TrainingData d = TrainingData.read(Fixtures.source(TRAIN), "t", args,
        TrainingData.Options.DEFAULT.withPretrainedVectors(v));
    Dictionary dict = d.dictionary();
    Model plain = Model.initialized(dict.inputRows(), dict.nlabels(), 3, 3, 1);
    Model m = Model.initialized(dict.inputRows(), dict.nlabels(), 3, 3, 1);
    d.initialize(m);
    float[] a = m.input();
    int y = dict.find("y");
    int q = dict.find("q");
    // a word that appears twice takes its last vector
    assertThat(java.util.Arrays.copyOfRange(a, y * 3, y * 3 + 3)).containsExactly(7, 8, 9);
    assertThat(java.util.Arrays.copyOfRange(a, q * 3, q * 3 + 3)).containsExactly(4, 5, 6);
    for (int row = 0; row < dict.inputRows(); row++) {
      if (row != y && row != q) {
        assertThat(java.util.Arrays.copyOfRange(a, row * 3, row * 3 + 3)).as("row %d", row)
            .containsExactly(java.util.Arrays.copyOfRange(plain.input(), row * 3, row * 3 + 3));
      }
    }
  }

  @Test
  void trainingStartsFromTheVectors() throws IOException {
    Args args = Args.builder().dim(2).epoch(1).lr(1e-9).thread(1).build();
    VecFile v = vec("1 2\nx 0.25 -0.5\n", 2);
    TrainingData d = TrainingData.read(Fixtures.source(TRAIN), "t", args,
        TrainingData.Options.DEFAULT.withPretrainedVectors(v));
    TextClassifier c = Trainer.train(args, d, Heads.create(args, d.dictionary().labelCounts()), null);
    int x = d.dictionary().find("x");
    assertThat(c.model().input()[x * 2]).isCloseTo(0.25f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(c.model().input()[x * 2 + 1]).isCloseTo(-0.5f, org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  void aDimensionMismatchIsOneLine() throws IOException {
    VecFile v = vec("1 2\nx 1 2\n", 0);
    Args args = Args.builder().dim(3).thread(1).build();
    assertThatThrownBy(() -> TrainingData.read(Fixtures.source(TRAIN), "t", args,
        TrainingData.Options.DEFAULT.withPretrainedVectors(v)))
        .hasMessage("the pretrained vectors have dimension 2, -dim is 3 (train with -dim 2)");
  }
}
