package dev.losslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

  @TempDir Path tmp;

  private final CommandRun cli = new CommandRun();
  final StringWriter out = cli.out;
  final StringWriter err = cli.err;

  int run(String... args) {
    return cli.command("compare", args);
  }

  @Test
  void tinyRunWritesTheReportAndPrintsTheSummary() {
    int code = run("--loss", "cross-entropy,mae", "--seeds", "2", "--epochs", "2",
        "--generated-size", "150,60", "--sample", "50", "-o", tmp.resolve("r").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("final test accuracy").contains("cross-entropy")
        .contains("4 runs in");
    assertThat(tmp.resolve("r/results.csv")).isRegularFile();
    assertThat(tmp.resolve("r/fig/compare-test-accuracy.png")).isRegularFile();
  }

  @Test
  void aProvidedLossTrainsBesideTheBuiltInOnes() {
    int code = run("--loss", "test-scaled-mse:scale=0.5,cross-entropy", "--seeds", "1", "--epochs", "1",
        "--generated-size", "150,60", "--sample", "50", "-o", tmp.resolve("r").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("test-scaled-mse:scale=0.5").contains("2 runs in");
    assertThat(run("--loss", "test-scaled-mse:scale=-1", "-o", tmp.resolve("r").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("loss 'test-scaled-mse' (provider dev.losslab.cli.loss.TestLossProvider)"
        + " failed: scale (-1.0) must be > 0 and finite");
  }

  @Test
  void csvDataIsRead() throws Exception {
    StringBuilder csv = new StringBuilder("a,b,label\n");
    for (int i = 0; i < 60; i++) {
      csv.append(i % 3).append(',').append((i * 7) % 5).append(',').append(i % 3).append('\n');
    }
    Path f = Files.writeString(tmp.resolve("d.csv"), csv);
    int code = run("--dense", f.toString(), "--loss", "cross-entropy", "--seeds", "1", "--epochs", "1",
        "-o", tmp.resolve("r").toString());
    assertThat(code).as(err.toString()).isZero();
  }

  static Path textFile(Path dir, String name, boolean unseen) throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      b.append(i % 2 == 0 ? "__label__ham hello friend lunch today " : "__label__spam win cash prize now ")
          .append("w").append(i % 7).append('\n');
    }
    b.append("__label__ham __label__spam hello win\n");
    if (unseen) {
      b.append("__label__eggs hello cash\n");
    }
    return Files.writeString(dir.resolve(name), b);
  }

  @Test
  void textRunReportsPrecisionAndRecallAtOne() throws Exception {
    Path train = textFile(tmp, "train.txt", false);
    Path test = textFile(tmp, "test.txt", false);
    int code = run("-input", train.toString(), "-test", test.toString(), "--loss", "cross-entropy,mse",
        "--seeds", "1", "--epochs", "2", "-o", tmp.resolve("r").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("final test P@1").contains("final test R@1");
    assertThat(Files.readString(tmp.resolve("r/results.csv"))).contains(",test_recall,");
  }

  @Test
  void textTestLabelUnseenInTrainingIsOneLineUnlessSkipped() throws Exception {
    Path train = textFile(tmp, "train.txt", false);
    Path test = textFile(tmp, "test.txt", true);
    assertThat(run("-input", train.toString(), "-test", test.toString(), "--epochs", "1", "-o",
        tmp.resolve("r").toString())).isEqualTo(2);
    assertThat(err.toString().strip()).contains("test.txt:42: has a label that never occurs in")
        .doesNotContain("\n");
    assertThat(run("-input", train.toString(), "-test", test.toString(), "--skip-unseen-labels",
        "--loss", "cross-entropy", "--seeds", "1", "--epochs", "1", "-o", tmp.resolve("r").toString()))
        .isZero();
  }

  @Test
  void generatedTextUsesTheTextClassifierAndRejectsTargetSmoothing() {
    int code = run("--generated", "text", "--generated-size", "200,100", "--loss", "cross-entropy,mae",
        "--seeds", "1", "--epochs", "1", "-o", tmp.resolve("r").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("final test P@1").contains("ZipfText");
    assertThat(run("--generated", "text", "--loss", "kl-divergence:smoothing=0.1", "-o",
        tmp.resolve("r").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cross-entropy:labelSmoothing");
  }

  @Test
  void badArgumentsAreOneLine() throws Exception {
    assertThat(run("--loss", "nope", "-o", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown loss 'nope'");
    err.getBuffer().setLength(0);
    assertThat(run("--dense", tmp.resolve("missing.csv").toString(), "-o", tmp.resolve("r").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("missing.csv");
    err.getBuffer().setLength(0);
    Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
    assertThat(run("--dense", empty.toString(), "-o", tmp.resolve("r").toString())).isNotZero();
    assertThat(err.toString()).contains("empty.csv");
    err.getBuffer().setLength(0);
    Path file = Files.writeString(tmp.resolve("f"), "x");
    assertThat(run("-o", file.resolve("r").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("not writable");
    assertThat(err.toString().lines()).allSatisfy(l -> assertThat(l).doesNotContain("Exception"));
  }
}
