package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.text.format.VecFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordVectorsTest {
  @TempDir Path dir;

  private static TextClassifier trained(Args args) {
    TrainingData d = Fixtures.read("__label__a x y\n__label__b q y zz\n__label__a x\n", args);
    return Trainer.train(args, d, Heads.create(args, d.dictionary().labelCounts()), null);
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The plain mean of the given rows, summed in float and scaled by (float) (1.0 / n). */
  private static float[] mean(Model m, IntList rows) {
    float[] out = new float[m.dim()];
    for (int k = 0; k < rows.size(); k++) {
      for (int j = 0; j < m.dim(); j++) {
        out[j] += m.input()[rows.get(k) * m.dim() + j];
      }
    }
    for (int j = 0; rows.size() > 0 && j < m.dim(); j++) {
      out[j] *= (float) (1.0 / rows.size());
    }
    return out;
  }

  @Test
  void aWordIsTheMeanOfItsSubwordRows() {
    Args args = Args.builder().dim(4).minn(2).maxn(3).bucket(100).epoch(2).thread(1).build();
    TextClassifier c = trained(args);
    WordVectors v = new WordVectors(c);
    Dictionary d = c.dictionary();
    float[] out = new float[4];
    int x = d.find("x");
    v.word(b("x"), 0, 1, out);
    IntList rows = new IntList();
    for (int r : d.subwords(x)) {
      rows.add(r);
    }
    assertThat(rows.size()).isGreaterThan(1);
    assertThat(out).containsExactly(mean(c.model(), rows));
    // an unknown word: its character n-grams alone
    v.word(b("xyz"), 0, 3, out);
    IntList oov = new IntList();
    d.charNgrams(b("xyz"), 0, 3, new byte[8], oov);
    assertThat(out).containsExactly(mean(c.model(), oov));
    // </s>: its own row only
    v.word(b("</s>"), 0, 4, out);
    int eos = d.eosId();
    assertThat(out).containsExactly(java.util.Arrays.copyOfRange(c.model().input(), eos * 4, eos * 4 + 4));
  }

  @Test
  void withoutCharacterNgramsAnUnknownWordIsZeroAndALabelIsNoWord() {
    TextClassifier c = trained(Args.builder().dim(3).epoch(1).thread(1).build());
    WordVectors v = new WordVectors(c);
    float[] out = {1, 1, 1};
    v.word(b("unknown"), 0, 7, out);
    assertThat(out).containsExactly(0, 0, 0);
    v.word(b("__label__a"), 0, 10, out);
    assertThat(out).containsExactly(0, 0, 0);
  }

  @Test
  void aLineIsTheMeanOfAllItsInputRows() {
    Args args = Args.builder().dim(3).wordNgrams(2).bucket(50).epoch(1).thread(1).build();
    TextClassifier c = trained(args);
    LineEncoder enc = new LineEncoder(c.dictionary());
    enc.read(new TokenReader(Fixtures.stream("x __label__b unknown y\n"), "t"));
    float[] out = new float[3];
    new WordVectors(c).sentence(enc, out);
    // x, y, </s>, and the bigrams x-unknown, unknown-y, y-</s>: six rows
    assertThat(enc.words().size()).isEqualTo(6);
    assertThat(out).containsExactly(mean(c.model(), enc.words()));
  }

  @Test
  void writeVecHoldsEveryWordInDictionaryOrder() throws Exception {
    TextClassifier c = trained(Args.builder().dim(2).epoch(1).thread(1).build());
    Path f = dir.resolve("m.vec");
    new WordVectors(c).writeVec(f);
    VecFile v = VecFile.read(f, 2);
    Dictionary d = c.dictionary();
    assertThat(v.size()).isEqualTo(d.nwords());
    String[] lines = Files.readString(f).split("\n");
    assertThat(lines[0]).isEqualTo(d.nwords() + " 2");
    for (int i = 0; i < d.nwords(); i++) {
      assertThat(v.word(i)).isEqualTo(d.wordBytes(i));
      float a = c.model().input()[i * 2];
      assertThat(lines[i + 1]).startsWith(d.word(i) + " " + dev.losslab.text.format.DecimalText.general(a, 5) + " ")
          .endsWith(" ");
    }
  }
}
