package dev.losslab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.loss.Loss;
import dev.losslab.loss.MeanSquaredError;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
  @TempDir Path tmp;

  /** A class with nothing but Object behind it, loaded again from folders of its own. */
  static final class Marker {}

  private static final String MARKER = "dev/losslab/experiment/ProvenanceTest$Marker.class";

  /** A folder holding Marker's class file and {@code extra} files; Marker loaded from it. */
  private Class<?> markerIn(String folder, String... extra) throws IOException, ReflectiveOperationException {
    Path dir = tmp.resolve(folder);
    Path f = dir.resolve(MARKER);
    Files.createDirectories(f.getParent());
    try (InputStream in = ProvenanceTest.class.getClassLoader().getResourceAsStream(MARKER)) {
      Files.write(f, in.readAllBytes());
    }
    for (String e : extra) {
      Files.writeString(dir.resolve(e), e);
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    return Class.forName(Marker.class.getName(), false, loader);
  }

  @Test
  void theCodeIdFollowsTheContentOfTheCodeNotItsPath() throws Exception {
    Class<?> a = markerIn("a");
    Class<?> b = markerIn("b");
    Class<?> c = markerIn("c", "helper.txt");
    assertThat(a).isNotSameAs(b);
    assertThat(Provenance.codeId(a)).hasSize(12).matches("[0-9a-f]+")
        .isEqualTo(Provenance.codeId(b)) // the same files elsewhere
        .isNotEqualTo(Provenance.codeId(c)) // one more file in the folder
        .isEqualTo(Provenance.codeId(a, a, String.class)); // once per location; the JDK adds nothing
    assertThat(Provenance.codeId(a, c)).isNotEqualTo(Provenance.codeId(a))
        .isEqualTo(Provenance.codeId(c, a));
  }

  @Test
  void aLossProvidersClassChangesTheTrainingCodeABuiltInLossDoesNot() throws Exception {
    String own = Provenance.trainingCode(Loss.class);
    assertThat(Provenance.trainingCode(MeanSquaredError.class)).isEqualTo(own);
    assertThat(Provenance.trainingCode(markerIn("provider"))).isNotEqualTo(own)
        .isEqualTo(Provenance.codeId(Provenance.class, Loss.class, markerIn("copy")));
  }
}
