package dev.losslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExploreCommandTest {

  @TempDir Path tmp;

  static CommandLine cli(StringWriter out, StringWriter err) {
    CommandLine cl = new CommandLine(new ExploreCommand());
    cl.setExecutionExceptionHandler(new Errors.Handler());
    cl.setParameterExceptionHandler(new Errors.UsageHandler());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl;
  }

  @Test
  void writesTheReport() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = cli(out, err).execute("--points", "21", "--loss", "cross-entropy,mse", "--output",
        tmp.resolve("r").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(tmp.resolve("r/index.html")).isRegularFile();
    assertThat(tmp.resolve("r/fig/gradient-signs.png")).isRegularFile();
  }

  @Test
  void unknownLossIsOneLineAndExitTwo() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = cli(out, err).execute("--loss", "cross-entropy,nope", "--output", tmp.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).contains("nope").doesNotContain("\n").doesNotContain("Exception");
  }

  @Test
  void badRangeAndUnwritableOutputAreOneLine() throws Exception {
    StringWriter err = new StringWriter();
    assertThat(cli(new StringWriter(), err).execute("--range", "5:1")).isEqualTo(2);
    assertThat(err.toString()).contains("--range");
    Path file = Files.writeString(tmp.resolve("f"), "x");
    StringWriter err2 = new StringWriter();
    assertThat(cli(new StringWriter(), err2).execute("--output", file.resolve("r").toString()))
        .isEqualTo(1);
    assertThat(err2.toString().strip()).contains("not writable").doesNotContain("\n");
  }
}
