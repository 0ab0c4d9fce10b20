package dev.losslab.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Test fixtures: a synthetic 4-label corpus and models trained on it by fastText 0.9.2. */
final class Fixtures {
  private Fixtures() {}

  static Path resource(String name) {
    try {
      return Paths.get(Fixtures.class.getResource("fasttext/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(String name) {
    try {
      return Files.readString(resource(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TrainingData.Source source(String content) {
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    return () -> new ByteArrayInputStream(b);
  }

  static InputStream stream(String content) {
    return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
  }

  static TrainingData read(String content, Args args) {
    return TrainingData.read(source(content), "data.txt", args);
  }
}
