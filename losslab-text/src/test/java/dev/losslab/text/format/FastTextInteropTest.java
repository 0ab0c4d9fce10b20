package dev.losslab.text.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Against the real fastText (Debian 0.9.2, {@code apt-get install fasttext}): models it trains are read
 * here and written back byte for byte, and it reads what is written here. Skipped when {@code fasttext}
 * is not on the PATH.
 */
class FastTextInteropTest {
  private static Path fasttext;

  @TempDir Path dir;
  private Path train;
  private Path test;

  @BeforeAll
  static void findFastText() {
    fasttext = onPath("fasttext").orElse(null);
    assumeTrue(fasttext != null,
        "fasttext is not on the PATH: skipping the interop tests against the real fastText "
            + "(install it with: apt-get install fasttext)");
  }

  @BeforeEach
  void fixtures() throws IOException {
    train = copy("kitchen-train.txt");
    test = copy("kitchen-test.txt");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "-dim 8 -epoch 25 -lr 0.5 -wordNgrams 2 -bucket 1000",
      "-dim 8 -loss ova -minn 2 -maxn 4 -bucket 500 -epoch 20 -lr 0.5",
      "-dim 5 -loss hs -epoch 10",
      "-dim 4 -loss ns -neg 3 -epoch 10 -qout",
  })
  void modelsTrainedByFastTextRoundTripExactly(String flags) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("supervised", "-input", train.toString(),
        "-output", dir.resolve("m").toString(), "-thread", "1", "-verbose", "0"));
    cmd.addAll(Arrays.asList(flags.split(" ")));
    run(cmd.toArray(String[]::new));
    Path original = dir.resolve("m.bin");
    FastTextBinary model = FastTextBinary.read(original);
    Path rewritten = dir.resolve("rewritten.bin");
    model.write(rewritten);

    assertThat(Files.readAllBytes(rewritten)).isEqualTo(Files.readAllBytes(original));
    assertThat(run("test", rewritten.toString(), test.toString()))
        .isEqualTo(run("test", original.toString(), test.toString()));
    assertThat(run("predict-prob", rewritten.toString(), test.toString(), "3"))
        .isEqualTo(run("predict-prob", original.toString(), test.toString(), "3"));
    assertThat(model.dictionary().dump()).isEqualTo(run("dump", original.toString(), "dict"));
    assertThat(model.args().dump()).isEqualTo(run("dump", original.toString(), "args"));
  }

  @Test
  void fastTextReadsAModelWrittenHere() throws Exception {
    Path f = dir.resolve("tiny.bin");
    FastTextBinary tiny = Models.tiny();
    tiny.write(f);
    assertThat(run("dump", f.toString(), "dict")).isEqualTo(tiny.dictionary().dump());
    assertThat(run("dump", f.toString(), "args")).isEqualTo(tiny.args().dump());
    String out = run("predict", f.toString(), test.toString());
    assertThat(out.lines()).hasSize(40).allMatch(l -> l.equals("__label__a") || l.equals("__label__b"));
  }

  @Test
  void quantizedModelsAreLeftToFastTextFile() throws Exception {
    run("supervised", "-input", train.toString(), "-output", dir.resolve("q").toString(),
        "-dim", "4", "-wordNgrams", "2", "-bucket", "300", "-thread", "1", "-verbose", "0");
    run("quantize", "-input", train.toString(), "-output", dir.resolve("q").toString(), "-qnorm",
        "-thread", "1", "-verbose", "0");
    Path ftz = dir.resolve("q.ftz");
    assertThatThrownBy(() -> FastTextBinary.read(ftz)).isInstanceOf(MalformedModelException.class)
        .hasMessage(ftz + ": a quantized model (.ftz): this reader takes dense .bin models only "
            + "(FastTextFile.read and ModelFiles.load read both)");
    FastTextFile f = FastTextFile.read(ftz);
    assertThat(f.quantized()).isTrue();
    assertThat(((QuantizedMatrix) f.input()).qnorm()).isTrue();
    assertThat(f.dictionary().toDictionary().dump()).isEqualTo(run("dump", ftz.toString(), "dict"));
  }

  private Path copy(String name) throws IOException {
    Path p = dir.resolve(name);
    try (InputStream in = FastTextInteropTest.class.getResourceAsStream(name)) {
      Files.copy(in, p);
    }
    return p;
  }

  /** Runs fasttext with {@code args} in the temp folder; returns stdout; fails on a non-zero exit. */
  private String run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(fasttext.toString());
    cmd.addAll(Arrays.asList(args));
    Path err = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectError(err.toFile()).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("fasttext finished").isTrue();
    assertThat(p.exitValue()).as("exit of %s: %s", cmd, Files.readString(err)).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      Path p = Path.of(d).resolve(program);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
