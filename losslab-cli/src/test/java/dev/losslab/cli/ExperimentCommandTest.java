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
}
