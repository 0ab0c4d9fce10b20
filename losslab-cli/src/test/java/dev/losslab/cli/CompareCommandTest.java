package dev.losslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

  @TempDir Path tmp;

  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cl = new CommandLine(new CompareCommand());
    cl.setExecutionExceptionHandler(new Errors.Handler());
    cl.setParameterExceptionHandler(new Errors.UsageHandler());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
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
