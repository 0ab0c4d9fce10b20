package dev.losslab.cli.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code print-word-vectors} and {@code print-sentence-vectors} on models fastText 0.9.2 trained give
 * fastText's numbers within 1e-5, in its layout; {@code dump input} and {@code dump output} print
 * fastText's bytes. Skipped when {@code fasttext} is not on the PATH.
 */
class VectorsInteropTest {
  private static Path fasttext;

  @TempDir Path dir;

  @BeforeAll
  static void findFastText() {
    fasttext = InteropSupport.onPath("fasttext").orElse(null);
    assumeTrue(fasttext != null, "fasttext is not on the PATH: skipping print-word-vectors and "
        + "print-sentence-vectors against the real fastText (install it with: apt-get install fasttext)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-dim 8 -minn 2 -maxn 4 -wordNgrams 2 -bucket 2000",
      "-dim 5 -wordNgrams 3 -bucket 500 -loss ova", "-dim 6 -loss hs"})
  void vectorsOfAFastTextModelAreFastTexts(String flags) throws Exception {
    Path train = Files.writeString(dir.resolve("train.txt"), InteropSupport.corpus(500, 3));
    List<String> cmd = new ArrayList<>(List.of(fasttext.toString(), "supervised", "-input",
        train.toString(), "-output", dir.resolve("ft").toString(), "-thread", "1", "-verbose", "0",
        "-epoch", "5"));
    cmd.addAll(Arrays.asList(flags.split(" ")));
    InteropSupport.run(dir, "", cmd);
    String model = dir.resolve("ft.bin").toString();

    String words = "bread oven unknownword cr\u00e8me </s> yolk1 zz \u00e6g knife2\n";
    String ours = InteropSupport.losslab(words, "print-word-vectors", model);
    String theirs = InteropSupport.run(dir, words, List.of(fasttext.toString(), "print-word-vectors", model));
    compare(ours, theirs, 1);

    String lines = InteropSupport.corpus(60, 9) + "\nunknown words only\n  \n__label__eggs\nno newline at the end";
    ours = InteropSupport.losslab(lines, "print-sentence-vectors", model);
    theirs = InteropSupport.run(dir, lines, List.of(fasttext.toString(), "print-sentence-vectors", model));
    compare(ours, theirs, 0);

    for (String what : List.of("input", "output")) {
      assertThat(InteropSupport.losslab("", "dump", model, what)).as("dump %s", what)
          .isEqualTo(InteropSupport.run(dir, "", List.of(fasttext.toString(), "dump", model, what)));
    }
  }

  /** Same lines, same leading words, numbers within 1e-5, and each line ending in a space. */
  private static void compare(String ours, String theirs, int words) {
    String[] a = ours.split("\n", -1);
    String[] b = theirs.split("\n", -1);
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.length; i++) {
      String[] fa = a[i].split(" ", -1);
      String[] fb = b[i].split(" ", -1);
      assertThat(fa).as("line %d: %s / %s", i, a[i], b[i]).hasSameSizeAs(fb);
      for (int j = 0; j < fa.length; j++) {
        if (j < words || fa[j].isEmpty() || fb[j].isEmpty()) {
          assertThat(fa[j]).as("line %d field %d", i, j).isEqualTo(fb[j]);
        } else {
          assertThat(Double.parseDouble(fa[j])).as("line %d: %s / %s", i, a[i], b[i])
              .isCloseTo(Double.parseDouble(fb[j]), within(1e-5));
        }
      }
    }
  }
}
