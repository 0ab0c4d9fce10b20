package dev.losslab.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code supervised} refuses a model that cannot fit the heap, before training, on one line: run in a
 * JVM of its own with a 64 MB heap, so that the outcome does not depend on this machine's memory.
 */
class SupervisedMemoryTest {
  @TempDir Path dir;

  @Test
  void aModelLargerThanTheHeapIsRefusedWithTheBytesTheHeapAndTheRemedy() throws Exception {
    Path train = dir.resolve("train.txt");
    Files.writeString(train, "__label__a x y\n__label__b y z\n");
    // 2,000,000 buckets × 100 floats: 800 MB
    Result r = run("-Xmx64m", "supervised", "-input", train.toString(), "-output",
        dir.resolve("m").toString(), "-wordNgrams", "2", "-bucket", "2000000", "-dim", "100",
        "-thread", "1");
    assertThat(r.code).as(r.err).isEqualTo(1);
    assertThat(r.err.strip().lines()).as(r.err).hasSize(1);
    assertThat(r.err).startsWith("losslab supervised: the model needs 763 MB (800,")
        .contains(" bytes) of heap", "the JVM's heap is ", "LOSSLAB_JAVA_OPTS=-Xmx1g",
            "-bucket (now 2000000)", "-dim (now 100)")
        .doesNotContain("Exception", "\tat ");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(train); // no model, no temporary file
    }
  }

  record Result(int code, String err) {}

  private Result run(String heap, String... args) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new java.util.ArrayList<>(List.of(java.toString(), heap, "-cp",
        System.getProperty("java.class.path"), "dev.losslab.cli.Main"));
    cmd.addAll(List.of(args));
    Path err = dir.resolve("..").resolve(dir.getFileName() + ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String e = Files.readString(err, StandardCharsets.UTF_8);
    Files.delete(err);
    return new Result(p.exitValue(), e);
  }
}
