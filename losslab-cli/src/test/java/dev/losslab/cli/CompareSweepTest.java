package dev.losslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.sweep.RunRecord;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare --grid}, the run store and the engines, through the command line. */
class CompareSweepTest {

  @TempDir Path tmp;

  private final CommandRun cli = new CommandRun();
  final StringWriter out = cli.out;
  final StringWriter err = cli.err;

  static final String[] SMALL = {"--epochs", "2", "--generated-size", "150,60", "--sample", "40"};

  int run(String... args) {
    String[] all = new String[args.length + SMALL.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(SMALL, 0, all, args.length, SMALL.length);
    return cli.command("compare", all);
  }

  @Test
  void aGridWritesATablePerCellAndTheStoreRemembersItsRuns() throws Exception {
    Path report = tmp.resolve("r");
    int code = run("--loss", "cross-entropy,gce", "--seeds", "2", "--grid", "lr=0.02,0.2",
        "--grid", "gce:q=0.3,0.7", "-o", report.toString());
    assertThat(code).as(err.toString()).isZero();
    // 4 cells × 2 losses × 2 seeds, of which cross-entropy's do not depend on q: 4 + 8 distinct
    assertThat(out.toString()).contains("compare: run store " + tmp.resolve(".losslab-runs"))
        .contains("compare: 12 runs, 0 reused from the store, 12 to train")
        .contains("Final test accuracy per grid cell").contains("0.02").contains("12/12 100%")
        .contains("(12 trained, 0 reused from the store, 0 failed)");
    String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("Grid: lr × gce:q").contains("Cell 4: lr=0.2 gce:q=0.7");
    assertThat(report.resolve("fig/grid-lr.png")).isRegularFile();
    assertThat(report.resolve("fig/grid-gce-q.png")).isRegularFile();
    assertThat(report.resolve("fig/grid-heat-2.png")).isRegularFile();
    assertThat(tmp.resolve(".losslab-runs/runs")).isDirectoryContaining(p -> p.toString().endsWith(".json"));

    out.getBuffer().setLength(0);
    assertThat(run("--loss", "cross-entropy,gce", "--seeds", "3", "--grid", "lr=0.02,0.2",
        "--grid", "gce:q=0.3,0.7", "-o", report.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("compare: 18 runs, 12 reused from the store, 6 to train");
  }

  @Test
  void badGridsAreOneLineExitTwoAndWriteNothing() throws Exception {
    Path report = tmp.resolve("r");
    String[][] bad = {
      {"--grid", "foo=1,2"}, {"--grid", "lr="}, {"--grid", "lr=0.1,fast"}, {"--grid", "focal:gamma=1,2"},
      {"--grid", "noise=symmetric:2"}, {"--grid", ""}, {"--engine", "mapreduce"},
      {"--master", "local[2]"}, {"--threads", "0"},
    };
    String[] lines = {
      "grid option 'foo' is unknown", "grid 'lr=' has no values", "grid option lr, value 'fast': not a number",
      "no loss of the comparison is named 'focal'", "noise rate in 'symmetric:2' must be in [0, 1]",
      "grid '' must be written NAME=V1,V2,...", "--engine (mapreduce) must be one of in-process, spark",
      "--master is for --engine spark", "--threads (0) must be >= 1",
    };
    for (int i = 0; i < bad.length; i++) {
      err.getBuffer().setLength(0);
      List<String> args = new ArrayList<>(List.of(bad[i]));
      args.addAll(List.of("--loss", "cross-entropy,mae", "-o", report.toString()));
      assertThat(run(args.toArray(String[]::new))).as(String.join(" ", bad[i])).isEqualTo(2);
      assertThat(err.toString().strip()).startsWith("losslab compare: ").contains(lines[i])
          .doesNotContain("\n").doesNotContain("Exception");
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aStoreOfAnotherFormatIsOneLineExitTwoAndUntouched() throws Exception {
    Path store = Files.createDirectories(tmp.resolve("old/runs")).getParent();
    Files.writeString(store.resolve("store.json"), "{\"format\": 7, \"losslab\": \"9.0\"}\n");
    Files.writeString(store.resolve("runs/abc.json"), "{}\n");
    assertThat(run("--loss", "mae", "--seeds", "1", "--store", store.toString(), "-o",
        tmp.resolve("r").toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("losslab compare: run store '" + store + "' was"
        + " written by losslab 9.0 in store format 7; this losslab reads format 1: give another --store,"
        + " or clear it (rm -r " + store + ")");
    try (Stream<Path> files = Files.walk(store)) {
      assertThat(files.map(p -> store.relativize(p).toString()))
          .containsExactlyInAnyOrder("", "store.json", "runs", "runs/abc.json");
    }
    assertThat(Files.readString(store.resolve("runs/abc.json"))).isEqualTo("{}\n");
  }

  @Test
  void sparkWithoutItsJarIsOneLineExitOneAndTextRefusesGrids() throws Exception {
    assertThat(run("--loss", "mae", "--seeds", "1", "--engine", "spark", "-o", tmp.resolve("r").toString()))
        .isEqualTo(1);
    assertThat(err.toString().strip()).startsWith("losslab compare: engine 'spark' is not on the class path")
        .doesNotContain("\n");
    assertThat(tmp.resolve(".losslab-runs")).doesNotExist();
    err.getBuffer().setLength(0);
    assertThat(run("--generated", "text", "--grid", "lr=0.1,0.2", "-o", tmp.resolve("r").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("are for dense data");
  }

  @Test
  void noStoreTrainsEverythingAndKeepsNothing() {
    assertThat(run("--loss", "mae", "--seeds", "1", "--no-store", "--threads", "1", "-o",
        tmp.resolve("r").toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("in-process, 1 thread").doesNotContain("run store");
    assertThat(tmp.resolve(".losslab-runs")).doesNotExist();
  }

  /**
   * A sweep killed with SIGKILL in the middle, then started again: the store holds only complete
   * runs, the second sweep trains only the rest, and its report's numbers are those of a sweep that
   * was never interrupted, bit for bit.
   */
  @Test
  void aSweepKilledMidwayResumesToTheSameNumbersAsOneUninterrupted() throws Exception {
    List<String> sweep = List.of("compare", "--loss", "cross-entropy,mse,mae", "--seeds", "2",
        "--grid", "lr=0.02,0.05", "--epochs", "20", "--threads", "1");
    Path store = tmp.resolve("store");
    Path runs = store.resolve("runs");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(sweep);
    cmd.addAll(List.of("--store", store.toString(), "-o", tmp.resolve("killed").toString()));
    Path log = tmp.resolve("killed.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long stored = 0;
    while (p.isAlive() && stored < 3) {
      Thread.sleep(5);
      stored = records(runs);
    }
    p.destroyForcibly(); // SIGKILL
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(log)).isNotZero();
    long kept = records(runs);
    assertThat(kept).as("runs stored before the kill").isBetween(3L, 11L);
    assertThat(tmp.resolve("killed")).doesNotExist();
    try (Stream<Path> files = Files.list(runs)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        RunRecord.fromJson(Files.readString(f)); // every record is whole
      }
    }

    List<String> resume = new ArrayList<>(sweep.subList(1, sweep.size()));
    resume.addAll(List.of("--store", store.toString(), "-o", tmp.resolve("resumed").toString()));
    assertThat(cli.command("compare", resume.toArray(String[]::new))).as(err.toString()).isZero();
    assertThat(out.toString()).contains("compare: 12 runs, " + kept + " reused from the store, "
        + (12 - kept) + " to train");

    List<String> fresh = new ArrayList<>(sweep.subList(1, sweep.size()));
    fresh.addAll(List.of("--store", tmp.resolve("fresh").toString(), "-o", tmp.resolve("whole").toString()));
    assertThat(cli.command("compare", fresh.toArray(String[]::new))).as(err.toString()).isZero();
    assertThat(numbers(tmp.resolve("resumed/results.csv"))).isEqualTo(numbers(tmp.resolve("whole/results.csv")))
        .hasSizeGreaterThan(12 * 20 * 5);
  }

  private static long records(Path runs) throws Exception {
    if (!Files.isDirectory(runs)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".json")
          && !f.getFileName().toString().startsWith(".")).count();
    }
  }

  /** Every measured number of a report, times left out. */
  private static List<String> numbers(Path csv) throws Exception {
    return Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#"))
        .filter(l -> !l.contains(",seconds,")).toList();
  }
}
