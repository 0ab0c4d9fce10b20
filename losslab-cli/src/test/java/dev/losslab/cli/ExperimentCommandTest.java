package dev.losslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentCommandTest {

  @TempDir Path tmp;

  private final CommandRun cli = new CommandRun();
  final StringWriter out = cli.out;
  final StringWriter err = cli.err;

  int run(String... args) {
    return cli.command("experiment", args);
  }

  @Test
  void quickRunPrintsVerdictsAndWritesTheReport() {
    assertThat(run("ce-vs-kl", "--quick", "-o", tmp.resolve("r").toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Verdict: supported — cross-entropy = KL + H(targets)");
    assertThat(tmp.resolve("r/index.html")).isRegularFile();
  }

  @Test
  void unknownExperimentIsAUsageError() {
    assertThat(run("nope", "-o", tmp.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).contains("unknown experiment 'nope'").doesNotContain("\n");
  }

  @Test
  void denseDataReplacesTheGeneratedClusters() throws Exception {
    Path csv = tmp.resolve("blobs.csv");
    StringBuilder b = new StringBuilder("x1,x2,label\n");
    java.util.Random r = new java.util.Random(3);
    for (int i = 0; i < 120; i++) {
      int y = i % 3;
      b.append(3 * y + r.nextGaussian()).append(',').append(r.nextGaussian() - y).append(',').append(y)
          .append('\n');
    }
    java.nio.file.Files.writeString(csv, b);
    assertThat(run("ce-vs-kl", "--quick", "--dense", csv.toString(), "--epochs", "2", "-o",
        tmp.resolve("d").toString())).as(err.toString()).isZero();
    String json = java.nio.file.Files.readString(tmp.resolve("d/results.json"));
    assertThat(json).contains("blobs.csv").contains("\"epochs\":\"2\"").doesNotContain("generated.train.rows");
  }

  @Test
  void badDataOptionsAreOneLineUsageErrors() {
    assertThat(run("label-noise", "--train-limit", "10", "-o", tmp.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("losslab experiment: --train-limit applies to --dense data;"
        + " give --dense too");
    assertThat(run("label-noise", "--dense", tmp.resolve("none.csv").toString(), "-o", tmp.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("none.csv: no such file or folder");
    assertThat(run("label-noise", "--epochs", "0", "-o", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--epochs (0) must be >= 1");
  }
}
