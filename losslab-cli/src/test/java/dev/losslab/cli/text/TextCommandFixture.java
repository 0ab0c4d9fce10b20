package dev.losslab.cli.text;

import dev.losslab.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the text command tests share: a folder, a small corpus of three topics (labels baking, knives,
 * eggs; 300 lines, seed 1), a three-line test file, and running a command with its output captured.
 */
abstract class TextCommandFixture {
  @TempDir Path dir;
  Path train;
  Path test;
  /** Standard output and standard error of the last {@link #run}. */
  String out;
  String err;

  /** The id of a process that has ended: what a save killed before its rename names its file by. */
  static long deadProcessId() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  /**
   * Writes {@code train.txt}: each line a label and {@code words} words, three in four drawn from the
   * first {@code perTopic} words of its topic, the others "the"; and {@code test.txt}.
   */
  void writeCorpus(int perTopic, int words) throws IOException {
    String[][] topics = {{"bread", "flour", "oven", "dough", "yeast"},
        {"knife", "blade", "steel", "edge", "hone"}, {"egg", "yolk", "boil", "shell", "white"}};
    String[] names = {"baking", "knives", "eggs"};
    Random r = new Random(1);
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      int l = r.nextInt(3);
      t.append("__label__").append(names[l]);
      for (int w = 0; w < words; w++) {
        t.append(' ').append(r.nextInt(4) < 3 ? topics[l][r.nextInt(perTopic)] : "the");
      }
      t.append('\n');
    }
    train = Files.writeString(dir.resolve("train.txt"), t.toString());
    test = Files.writeString(dir.resolve("test.txt"),
        "__label__baking bread oven\n__label__knives blade edge\n__label__eggs yolk boil\n");
  }

  /** Runs {@code losslab ARGS} as {@link Main} wires it; returns the exit code. */
  int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    int code = cl.execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }
}
