package dev.losslab.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code quantize} end to end: {@code supervised} writes {@code PREFIX.bin}, {@code quantize} writes
 * {@code PREFIX.ftz}, and every command that reads a model reads it; user mistakes give one line and
 * the right exit code, and leave no {@code .ftz} behind.
 */
class QuantizeCommandTest extends TextCommandFixture {
  String prefix;

  @BeforeEach
  void model() throws IOException {
    writeCorpus(5, 6);
    prefix = dir.resolve("m").toString();
    assertThat(run("supervised", "-input", train.toString(), "-output", prefix, "-epoch", "10",
        "-lr", "0.5", "-thread", "1", "-verbose", "0", "-dim", "8", "-wordNgrams", "2",
        "-bucket", "2000")).isZero();
  }

  @Test
  void quantizeWritesAFtzThatEveryCommandReads() throws IOException {
    assertThat(run("quantize", "-input", train.toString(), "-output", prefix, "-qnorm", "-retrain",
        "-cutoff", "500", "-epoch", "2", "-thread", "1", "-verbose", "0")).as("%s", err).isZero();
    Path ftz = Path.of(prefix + ".ftz");
    assertThat(ftz).exists();
    assertThat(Path.of(prefix + ".ftz.losslab")).exists(); // the .bin has one
    assertThat(Files.size(ftz)).isLessThan(Files.size(Path.of(prefix + ".bin")) / 4);
    assertThat(run("test", ftz.toString(), test.toString())).isZero();
    assertThat(out).isEqualTo("N\t3\nP@1\t1\nR@1\t1\n");
    assertThat(run("predict-prob", ftz.toString(), test.toString(), "2")).isZero();
    assertThat(out.split("\n")).hasSize(3);
    assertThat(out.split("\n")[2]).startsWith("__label__eggs 0.");
    assertThat(run("dump", ftz.toString(), "args")).isZero();
    assertThat(out).contains("dim 8\n").contains("epoch 2\n");
    assertThat(run("dump", ftz.toString(), "dict")).isZero();
    // the quantized A is printed as the rows its codes stand for; B (no -qout) as it is
    assertThat(run("dump", ftz.toString(), "input")).isZero();
    assertThat(err).contains("the input matrix is quantized; printing the rows its codes stand for");
    var q = (dev.losslab.text.format.QuantizedMatrix)
        dev.losslab.text.format.FastTextFile.read(ftz).input();
    String[] rows = out.split("\n");
    assertThat(rows[0]).isEqualTo(q.rows() + " 8");
    float[] row = new float[8];
    q.row(q.rows() - 1, row);
    String[] last = rows[rows.length - 1].split(" ");
    for (int j = 0; j < 8; j++) {
      assertThat(Double.parseDouble(last[j])).isCloseTo(row[j],
          org.assertj.core.api.Assertions.within(Math.abs(row[j]) * 5e-6 + 1e-30));
    }
    assertThat(run("dump", ftz.toString(), "output")).isZero();
    assertThat(err).isEmpty();
    assertThat(run("test-label", ftz.toString(), test.toString())).isZero();
    // A fastText model (no sidecar) stays one.
    Files.delete(Path.of(prefix + ".bin.losslab"));
    assertThat(run("quantize", "-input", train.toString(), "-output", prefix, "-dsub", "4",
        "-verbose", "0", "-dim", "50")).isZero();
    assertThat(Path.of(prefix + ".ftz.losslab")).doesNotExist();
    assertThat(run("test", ftz.toString(), test.toString())).isZero();
  }

  @Test
  void quantizeRemovesWhatACrashedSaveOfTheFtzLeft() throws Exception {
    long dead = TextCommandFixture.deadProcessId();
    Path left = Files.writeString(dir.resolve(".m.ftz." + dead + ".5eed.tmp"), "half a model");
    assertThat(run("quantize", "-input", train.toString(), "-output", prefix, "-verbose", "0"))
        .as("%s", err).isZero();
    assertThat(err).isEqualTo("losslab quantize: removed 1 temporary file that interrupted saves of "
        + prefix + " left: .m.ftz." + dead + ".5eed.tmp\n");
    assertThat(left).doesNotExist();
    assertThat(Path.of(prefix + ".ftz")).exists();
  }

  @Test
  void fastTextsOtherFlagsAreAcceptedWithAWarning() {
    assertThat(run("quantize", "-input", train.toString(), "-output", prefix, "-dim", "50",
        "-wordNgrams", "3", "-thread", "1")).isZero();
    assertThat(err).isEqualTo("losslab quantize: warning: 2 training flags ignored (the model's own"
        + " settings are kept, as in fastText)\n");
  }

  @Test
  void mistakesGiveOneLineAndLeaveNoFtz() throws IOException {
    Path ftz = Path.of(prefix + ".ftz");
    String[][] usage = {{"-dsub", "0"}, {"-cutoff", "-3"}, {"-epoch", "0"}, {"-lr", "-1"},
        {"-thread", "0"}, {"-format", "nope"}};
    for (String[] c : usage) {
      assertThat(run("quantize", "-input", train.toString(), "-output", prefix, c[0], c[1]))
          .as(String.join(" ", c)).isEqualTo(2);
      assertThat(err.strip().split("\n")).hasSize(1);
      assertThat(err).contains(c[1]).doesNotContain("Exception");
    }
    assertThat(run("quantize", "-input", train.toString(), "-output", dir.resolve("none").toString()))
        .isEqualTo(1);
    assertThat(err).contains("none.bin: no such model file");
    assertThat(run("quantize", "-input", train.toString(), "-output", prefix, "-cutoff", "100",
        "-retrain")).isEqualTo(1);
    assertThat(err).contains("m.bin: -cutoff (100) keeps fewer rows than product quantization needs (256)");
    assertThat(run("quantize", "-input", train.toString(), "-output", prefix, "-qout")).isEqualTo(1);
    assertThat(err).contains("-qout: the output matrix has 3 rows (labels)");
    Path missing = dir.resolve("missing.txt");
    assertThat(run("quantize", "-input", missing.toString(), "-output", prefix, "-cutoff", "300",
        "-retrain")).isEqualTo(1);
    assertThat(err).contains("missing.txt: no such file").doesNotContain("m.bin:");
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "__label__unknown egg\nyolk without label\n");
    assertThat(run("quantize", "-input", bad.toString(), "-output", prefix, "-cutoff", "300",
        "-retrain")).isEqualTo(1);
    assertThat(err).contains(bad + ": no line has a label of the model");
    assertThat(ftz).doesNotExist();
    // Quantizing a small unigram model: fastText needs 256 rows too.
    String small = dir.resolve("small").toString();
    assertThat(run("supervised", "-input", train.toString(), "-output", small, "-verbose", "0",
        "-thread", "1", "-epoch", "1")).isZero();
    assertThat(run("quantize", "-input", train.toString(), "-output", small)).isEqualTo(1);
    assertThat(err).contains("small.bin: the input matrix has 17 rows; product quantization needs at least 256");
    assertThat(Path.of(small + ".ftz")).doesNotExist();
  }
}
