package dev.losslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExperimentCommandTest {

  @TempDir Path tmp;

  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cl = new CommandLine(new ExperimentCommand());
    cl.setExecutionExceptionHandler(new Errors.Handler());
    cl.setParameterExceptionHandler(new Errors.UsageHandler());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
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
