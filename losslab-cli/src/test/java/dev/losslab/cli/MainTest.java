package dev.losslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  @Test
  void helpListsCommandsAndExitsZero() {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int code = cl.execute("--help");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("Usage: losslab").contains("Commands:");
  }

  @Test
  void unknownCommandIsAUsageErrorOnOneLine() {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("no-such-command");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("no-such-command").doesNotContain("Exception");
  }
}
