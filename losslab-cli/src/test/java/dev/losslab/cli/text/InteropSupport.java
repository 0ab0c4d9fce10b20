package dev.losslab.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.cli.Main;
import dev.losslab.text.testing.ExternalProgram;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Running outside programs and {@code losslab} commands in the interop tests, and their data. */
final class InteropSupport {
  private InteropSupport() {}

  /** An executable on the PATH. */
  static Optional<Path> onPath(String program) {
    return ExternalProgram.onPath(program);
  }

  /** Runs a program with {@code stdin}; returns its standard output; fails on a non-zero exit. */
  static String run(Path dir, String stdin, List<String> cmd) throws Exception {
    return new String(ExternalProgram.run(dir, stdin.getBytes(StandardCharsets.UTF_8), cmd, 300),
        StandardCharsets.UTF_8);
  }

  /** Whether a program runs and exits 0. */
  static boolean succeeds(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  /** Runs {@code losslab ARGS} in this JVM with {@code stdin}; returns standard output; fails unless 0. */
  static String losslab(String stdin, String... args) {
    InputStream saved = System.in;
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code;
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      var cl = Main.commandLine();
      cl.setOut(new PrintWriter(o));
      cl.setErr(new PrintWriter(e));
      code = cl.execute(args);
    } finally {
      System.setIn(saved);
    }
    assertThat(code).as("losslab %s: %s", Arrays.toString(args), e).isZero();
    return o.toString();
  }

  /** A labelled corpus of {@code lines} lines over three topics, some words non-ASCII. */
  static String corpus(int lines, long seed) {
    String[][] topics = {{"bread", "flour", "oven", "dough", "cr\u00e8me", "yeast"},
        {"knife", "blade", "steel", "edge", "hone"}, {"egg", "yolk", "boil", "shell", "\u00e6g"}};
    String[] names = {"baking", "knives", "eggs"};
    Random r = new Random(seed);
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      int l = r.nextInt(3);
      t.append("__label__").append(names[l]);
      if (r.nextInt(10) == 0) {
        t.append(" __label__").append(names[(l + 1) % 3]);
      }
      int n = 3 + r.nextInt(6);
      for (int w = 0; w < n; w++) {
        t.append(' ').append(r.nextInt(5) < 4 ? topics[l][r.nextInt(topics[l].length)]
            : topics[r.nextInt(3)][r.nextInt(4)] + r.nextInt(3));
      }
      t.append('\n');
    }
    return t.toString();
  }

  /** Each line's numbers after {@code skip} leading fields. */
  static List<double[]> numbers(String output, int skip) {
    List<double[]> rows = new ArrayList<>();
    for (String line : output.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.trim().split(" ");
      double[] v = new double[f.length - skip];
      for (int i = skip; i < f.length; i++) {
        v[i - skip] = Double.parseDouble(f[i]);
      }
      rows.add(v);
    }
    return rows;
  }
}
