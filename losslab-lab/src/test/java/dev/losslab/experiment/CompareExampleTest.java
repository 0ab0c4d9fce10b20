package dev.losslab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code examples/Compare.java} as its reader would: a separate JVM in source-file mode with the
 * lab on its class path (this test's own), then reads the report it wrote.
 */
class CompareExampleTest {

  static final List<String> LOSSES = List.of("cross-entropy", "gce", "formula:1 - p[label]");

  @TempDir Path tmp;

  @Test
  void theCompareExampleRunsAndWritesAReportOfItsThreeLosses() throws Exception {
    Path example = repositoryFile("examples/Compare.java");
    Path out = tmp.resolve("report-example");
    Path log = tmp.resolve("output.txt");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        example.toString(), out.toString())
        .directory(example.getParent().getParent().toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("examples/Compare.java still running after 180 s:\n"
          + Files.readString(log, StandardCharsets.UTF_8));
    }
    String printed = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(printed).isZero();

    // what it printed: a line per run, the summary table, where it wrote
    assertThat(printed).contains("formula:1 - p[label] seed 2: test accuracy ")
        .contains("final test accuracy").contains("6 runs in")
        .contains("wrote " + out.resolve("index.html"));
    for (String loss : LOSSES) {
      assertThat(printed.lines()).as(printed)
          .anySatisfy(l -> assertThat(l).startsWith(loss + " ").contains(" ± "));
    }

    // what it wrote: the page with its figures, and every number of the three losses
    String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("Summary at the last epoch").contains("formula:1 - p[label]");
    assertThat(out.resolve("fig/compare-test-accuracy.png")).isRegularFile();
    String json = Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8);
    for (String loss : LOSSES) {
      assertThat(json).contains("\"" + loss + "\"");
    }
    assertThat(json).contains("\"cross-entropy,gce,formula:1 - p[label]\"").contains("\"test_accuracy\"");
    // 3 losses × 2 seeds × 5 epochs
    assertThat(count(Files.readString(out.resolve("results.csv")), ",test_accuracy,")).isEqualTo(30);
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** {@code relative} in the repository that holds this module: the first parent folder that has it. */
  static Path repositoryFile(String relative) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve(relative))) {
        return d.resolve(relative);
      }
    }
    throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
