package dev.losslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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

  @CommandLine.Command(name = "hungry")
  static final class Hungry implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  @Test
  void outOfMemoryIsOneLineAndExitOne() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream err = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
    int code = Main.run(new CommandLine(new Hungry()), new String[0], err);
    assertThat(code).isEqualTo(1);
    String e = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(e.strip().lines()).hasSize(1);
    assertThat(e).startsWith("losslab: out of memory (Java heap space, heap of ")
        .contains("LOSSLAB_JAVA_OPTS=-Xmx").doesNotContain("\tat ");
  }
}
