package dev.losslab.cli.loss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.cli.CommandRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Pins the exact bytes of {@code loss --jsonl}: for each {@code NAME-input.jsonl} resource the output
 * must equal {@code NAME-output.jsonl} character for character. Users diff this output, so a change
 * of digits, key order, escaping or error wording shows here. {@code jsonl-golden} holds well-formed
 * lines (every reduction, labels and dense targets, options, formulas, overflow to infinity with
 * diagnostics, unknown losses, bad options, provider failures, odd numbers and strings);
 * {@code jsonl-malformed} holds lines that are not one JSON object. On a mismatch the actual output
 * is written to {@code target/golden-actual/} for a diff.
 */
class JsonLinesGoldenTest {

  @ParameterizedTest
  @ValueSource(strings = {"jsonl-golden", "jsonl-malformed"})
  void outputIsExactlyTheGoldenFile(String name) throws IOException {
    byte[] input = resource(name + "-input.jsonl");
    String expected = new String(resource(name + "-output.jsonl"), StandardCharsets.UTF_8)
        .replace("\n", System.lineSeparator());

    CommandRun cli = new CommandRun();
    CommandLine cl = cli.commandLine();
    LossCommand command = cl.getSubcommands().get("loss").getCommand();
    command.in = new java.io.ByteArrayInputStream(input);
    int code = cl.execute("loss", "--jsonl");

    // as standard output would carry it: UTF-8, a lone surrogate as '?'
    String actual = new String(cli.out.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    if (!actual.equals(expected)) {
      Path dir = Path.of("target", "golden-actual");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name + "-output.jsonl"), actual, StandardCharsets.UTF_8);
    }
    assertThat(code).as(cli.err.toString()).isZero();
    assertThat(cli.err.toString()).isEmpty();
    assertThat(actual).isEqualTo(expected);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = JsonLinesGoldenTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + name + " is missing");
      }
      return in.readAllBytes();
    }
  }
}
