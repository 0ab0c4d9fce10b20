package dev.losslab.text.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSidecarTest {
  @TempDir Path dir;

  @Test
  void roundTrip() throws IOException {
    Path model = dir.resolve("out.bin");
    ModelSidecar s = new ModelSidecar("0.1.0", "focal", Map.of("gamma", "2.0"), OptionalLong.of(7),
        Optional.of("sha256:abc"), Map.of("label", "__label__"));
    s.write(model);
    assertThat(ModelSidecar.pathFor(model)).isEqualTo(dir.resolve("out.bin.losslab"));
    assertThat(ModelSidecar.read(model)).contains(s);
    assertThat(Files.readString(dir.resolve("out.bin.losslab")))
        .contains("loss=focal\n", "loss.option.gamma=2.0\n", "seed=7\n", "data.checksum=sha256:abc\n");
  }

  @Test
  void missingSidecarMeansAPlainFastTextModel() throws IOException {
    assertThat(ModelSidecar.read(dir.resolve("plain.bin"))).isEmpty();
  }

  @Test
  void readingIsTolerantOfOrderCommentsCrLfAndUnknownKeys() throws IOException {
    Path model = dir.resolve("m.bin");
    Files.writeString(ModelSidecar.pathFor(model),
        "# hand-edited\r\n\r\nfuture.key = 3\r\nloss=mse\r\nlosslab.version=9.9\r\n");
    ModelSidecar s = ModelSidecar.read(model).orElseThrow();
    assertThat(s.loss()).isEqualTo("mse");
    assertThat(s.seed()).isEmpty();
    assertThat(s.extra()).containsExactly(Map.entry("future.key", "3"));
  }

  @Test
  void malformedSidecarNamesFileAndLine() throws IOException {
    Path model = dir.resolve("m.bin");
    Path side = ModelSidecar.pathFor(model);
    Files.writeString(side, "loss=mse\nlosslab.version=1\nnot a pair\n");
    assertThatThrownBy(() -> ModelSidecar.read(model)).isInstanceOf(MalformedModelException.class)
        .hasMessage(side + ": line 3: expected key=value, found 'not a pair'");
    Files.writeString(side, "loss=mse\nlosslab.version=1\nseed=x\n");
    assertThatThrownBy(() -> ModelSidecar.read(model)).hasMessageContaining("line 3: seed 'x' is not an integer");
    Files.writeString(side, "seed=1\n");
    assertThatThrownBy(() -> ModelSidecar.read(model)).hasMessageContaining("missing loss");
    Files.write(side, new byte[] {'l', 'o', 's', 's', '=', (byte) 0xC3, '\n'});
    assertThatThrownBy(() -> ModelSidecar.read(model)).hasMessageContaining("not valid UTF-8");
  }

  @Test
  void rejectsValuesThatWouldBreakTheFile() {
    assertThatThrownBy(() -> ModelSidecar.of("1", "a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ModelSidecar("1", "mse", Map.of("a=b", "1"), OptionalLong.empty(),
        Optional.empty(), Map.of())).hasMessageContaining("must be non-empty, without '='");
    assertThatThrownBy(() -> new ModelSidecar("1", "mse", Map.of(), OptionalLong.empty(),
        Optional.empty(), Map.of("seed", "3"))).hasMessageContaining("reserved");
  }
}
