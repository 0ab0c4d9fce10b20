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

  @Test
  void aRunNamingACommandBuildsThatCommandAloneAndRunsItAsTheFullLineDoes() {
    assertThat(Main.commandLine("dump").getSubcommands().keySet()).containsExactly("dump");
    assertThat(Main.commandLine("loss").getSubcommands().get("loss").getUsageMessage())
        .contains("Losses: ").contains("Provided losses");
    java.util.Set<String> all = Main.commandLine().getSubcommands().keySet();
    assertThat(all).hasSize(15).contains("help", "supervised", "print-word-vectors");
    for (String first : new String[] {null, "help", "--help", "-V", "supervsed"}) {
      assertThat(Main.commandLine(first).getSubcommands().keySet()).as("%s", first)
          .containsExactlyElementsOf(all);
    }
    for (String[] args : new String[][] {{"dump", "missing.bin", "args"}, {"dump", "--help"},
        {"dump", "m.bin", "args", "--no-such-option"}}) {
      StringWriter[] outs = new StringWriter[4];
      int[] codes = new int[2];
      CommandLine[] lines = {Main.commandLine(args[0]), Main.commandLine()};
      for (int i = 0; i < 2; i++) {
        outs[2 * i] = new StringWriter();
        outs[2 * i + 1] = new StringWriter();
        lines[i].setOut(new java.io.PrintWriter(outs[2 * i]));
        lines[i].setErr(new java.io.PrintWriter(outs[2 * i + 1]));
        codes[i] = lines[i].execute(args);
      }
      assertThat(codes[0]).as("%s", String.join(" ", args)).isEqualTo(codes[1]);
      assertThat(outs[0].toString()).isEqualTo(outs[2].toString());
      assertThat(outs[1].toString()).isEqualTo(outs[3].toString());
    }
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
