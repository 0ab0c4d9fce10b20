package dev.losslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void helpListsCommandsAndExitsZero() {
    CommandRun cli = new CommandRun();
    StringWriter out = cli.out;
    int code = cli.execute("--help");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("Usage: losslab").contains("Commands:");
  }

  @Test
  void unknownCommandIsAUsageErrorOnOneLine() {
    CommandRun cli = new CommandRun();
    StringWriter err = cli.err;
    int code = cli.execute("no-such-command");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("no-such-command").doesNotContain("Exception");
  }
}
