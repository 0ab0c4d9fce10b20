package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Models trained by fastText 0.9.2 (dim 4, bucket 1000, word bigrams, char n-grams 2-3, UTF-8 words)
 * predict here exactly what {@code fasttext predict-prob MODEL test.txt -1} printed: the same labels in
 * the same order, probabilities within 1e-5 (fastText prints 6 significant digits). This covers the
 * token hash, the n-gram hashes, the dictionary, the averaging and each head's prediction.
 */
class FastTextParityTest {

  @ParameterizedTest
  @ValueSource(strings = {"softmax", "ova", "hs", "ns"})
  void predictsLikeFastText(String loss) throws IOException {
    TextClassifier c = ModelFiles.load(Fixtures.resource(loss + ".bin"));
    assertThat(c.head().name()).isEqualTo(loss);
    String[] expected = Fixtures.text(loss + ".predict-prob.txt").split("\n");
    List<String[]> got = new ArrayList<>();
    Workspace ws = c.workspace();
    Predictions p = new Predictions(c.dictionary().nlabels());
    LineEncoder enc = new LineEncoder(c.dictionary());
    try (TokenReader r = new TokenReader(Fixtures.stream(Fixtures.text("test.txt")), "test.txt")) {
      while (enc.read(r) > 0) {
        c.predict(enc, ws, -1, 0f, p);
        String[] line = new String[2 * p.size()];
        for (int i = 0; i < p.size(); i++) {
          line[2 * i] = c.dictionary().label(p.label(i));
          line[2 * i + 1] = Float.toString(p.probability(i));
        }
        got.add(line);
      }
    }
    assertThat(got).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      String[] e = expected[i].split(" ");
      String[] g = got.get(i);
      assertThat(g.length).as("line %d", i + 1).isEqualTo(e.length);
      for (int j = 0; j < e.length; j += 2) {
        assertThat(g[j]).as("line %d rank %d", i + 1, j / 2).isEqualTo(e[j]);
        assertThat(Double.parseDouble(g[j + 1])).as("line %d %s", i + 1, e[j])
            .isCloseTo(Double.parseDouble(e[j + 1]), org.assertj.core.data.Offset.offset(1e-5));
      }
    }
  }
}
