package dev.losslab.cli.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.losslab.text.Prediction;
import dev.losslab.text.TextModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model losslab trains, loaded by fastText's Python binding (Debian's {@code python3-fasttext}),
 * predicts what losslab predicts: the same labels in the same order, probabilities within 1e-5.
 * Skipped when {@code /usr/bin/python3} cannot {@code import fasttext}.
 */
class PythonBindingInteropTest {
  private static final String PYTHON = "/usr/bin/python3";

  private static final String SCRIPT = String.join("\n",
      "import sys",
      "import fasttext",
      "fasttext.FastText.eprint = lambda *args, **kwargs: None",
      "model = fasttext.load_model(sys.argv[1])",
      "with open(sys.argv[2], encoding='utf-8') as f:",
      "    for line in f:",
      "        labels, probs = model.predict(line.rstrip('\\n'), k=-1, threshold=0.0)",
      "        print(' '.join('%s %.9g' % (l, p) for l, p in zip(labels, probs)))",
      "");

  @TempDir Path dir;

  @BeforeAll
  static void findBinding() {
    assumeTrue(InteropSupport.succeeds(List.of(PYTHON, "-c", "import fasttext")),
        "Debian's " + PYTHON + " cannot import fasttext: skipping the Python binding test "
            + "(install it with: apt-get install python3-fasttext)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"softmax -wordNgrams 2 -bucket 2000", "ova -minn 2 -maxn 3 -bucket 1000",
      "hs", "ns -neg 2", "focal -gamma 2"})
  void theBindingPredictsWhatLosslabPredicts(String loss) throws Exception {
    Path train = Files.writeString(dir.resolve("train.txt"), InteropSupport.corpus(600, 11));
    Path test = Files.writeString(dir.resolve("test.txt"), InteropSupport.corpus(150, 12)
        + "unknown words only\n\ncr\u00e8me oven blade\n");
    String prefix = dir.resolve("m").toString();
    List<String> args = new ArrayList<>(List.of("supervised", "-input", train.toString(), "-output",
        prefix, "-thread", "1", "-verbose", "0", "-dim", "10", "-epoch", "10", "-lr", "0.5", "-loss"));
    args.addAll(Arrays.asList(loss.split(" ")));
    InteropSupport.losslab("", args.toArray(String[]::new));
    Path script = Files.writeString(dir.resolve("predict.py"), SCRIPT);

    String python = InteropSupport.run(dir, "", List.of(PYTHON, script.toString(), prefix + ".bin",
        test.toString()));
    TextModel model = TextModel.load(Path.of(prefix + ".bin"));
    List<String> lines = Files.readAllLines(test);
    String[] theirs = python.split("\n", -1);
    assertThat(theirs).hasSize(lines.size() + 1);
    for (int i = 0; i < lines.size(); i++) {
      List<Prediction> ours = model.predict(lines.get(i), -1, 0.0);
      String[] f = theirs[i].isEmpty() ? new String[0] : theirs[i].split(" ");
      assertThat(f.length).as("line %d: %s", i + 1, theirs[i]).isEqualTo(2 * ours.size());
      for (int j = 0; j < ours.size(); j++) {
        assertThat(f[2 * j]).as("line %d, label %d", i + 1, j).isEqualTo(ours.get(j).label());
        assertThat(Double.parseDouble(f[2 * j + 1])).as("line %d, %s", i + 1, ours.get(j).label())
            .isCloseTo(ours.get(j).probability(), within(1e-5));
      }
    }
  }
}
