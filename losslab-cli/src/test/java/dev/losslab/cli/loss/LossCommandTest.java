package dev.losslab.cli.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.cli.CommandRun;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LossCommandTest {

  private final CommandRun cli = new CommandRun();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  private int run(String stdin, String... args) {
    CommandLine cl = cli.commandLine();
    if (stdin != null) {
      LossCommand command = cl.getSubcommands().get("loss").getCommand();
      command.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    }
    return cl.execute(args);
  }

  @Test
  void printsValueAndGradientOfTheOptaxExample() {
    int code = run(null, "loss", "cross-entropy", "--scores", "1.2,-0.8,-0.5;0.9,-1.2,1.1",
        "--labels", "0,1", "--reduction", "none");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("0.276129705545").contains("2.95179879585");
  }

  @Test
  void jsonLinesAnswerEveryLineInOrderAndABadLineDoesNotStopTheStream() {
    String input = String.join("\n",
        "{\"loss\":\"cross-entropy\",\"scores\":[[2,1,0.1],[0.5,2.5,0.3]],\"labels\":[0,2],"
            + "\"options\":{\"weight\":[1,2,3]}}",
        "not json",
        "",
        "{\"loss\":\"huber\",\"scores\":[[1]],\"target\":[[0]],\"options\":{\"delta\":-1}}",
        "{\"loss\":\"binary-cross-entropy\",\"scores\":[[0.5,0]],\"target\":[[0.3,1]],"
            + "\"options\":{\"reduction\":\"none\"}}",
        "{\"loss\":\"mse\",\"scores\":[[1,2]],\"labels\":[0],\"target\":[[1,2]]}");
    int code = run(input, "loss", "--jsonl");
    assertThat(code).isZero();
    String[] lines = out.toString().strip().split("\n");
    assertThat(lines).hasSize(5);

    Map<String, Object> first = JsonLines.readObject(lines[0]);
    // PyTorch's weighted mean: Σ w_y·l / Σ w_y (reference/losses.md §e2).
    assertThat(((Number) first.get("value")).doubleValue()).isCloseTo(1.91929464633486, within(1e-12));
    assertThat(JsonValues.toDoubleMatrix(first.get("gradient"), "gradient")).hasDimensions(2, 3);

    assertThat(JsonLines.readObject(lines[1]).get("error").toString()).startsWith("line 2: JSON");
    assertThat(JsonLines.readObject(lines[2]).get("error").toString()).contains("delta (-1.0)");

    Map<String, Object> bce = JsonLines.readObject(lines[3]);
    double[][] values = JsonValues.toDoubleMatrix(bce.get("values"), "values");
    assertThat(values).hasDimensions(1, 2);
    assertThat(values[0][0]).isCloseTo(0.82407698418010668, within(1e-15));
    assertThat(values[0][1]).isCloseTo(0.69314718055994531, within(1e-15));

    assertThat(JsonLines.readObject(lines[4]).get("error").toString()).contains("not both");
  }

  @Test
  void newLossesThroughJsonLinesWithAnErrorPerBadLine() {
    String input = String.join("\n",
        "{\"loss\":\"gce\",\"scores\":[[2,1,0.1]],\"labels\":[0],\"options\":{\"q\":0.3}}",
        "{\"loss\":\"gce\",\"scores\":[[2,1,0.1]],\"labels\":[0],\"options\":{\"q\":1.5}}",
        "{\"loss\":\"sigmoid-focal\",\"scores\":[[0.5,-1]],\"target\":[[1,0]],"
            + "\"options\":{\"gamma\":2,\"alpha\":0.25,\"reduction\":\"none\"}}",
        "{\"loss\":\"cosine\",\"scores\":[[0,0]],\"target\":[[3,4]]}",
        "{\"loss\":\"cosine\",\"scores\":[[1,2]],\"target\":[[0,0]]}",
        "{\"loss\":\"taylor-ce\",\"scores\":[[1,2]],\"labels\":[1],\"options\":{\"order\":0}}");
    int code = run(input, "loss", "--jsonl");
    assertThat(code).isZero();
    String[] lines = out.toString().strip().split("\n");
    assertThat(lines).hasSize(6);

    double z = Math.exp(2) + Math.exp(1) + Math.exp(0.1);
    double p0 = Math.exp(2) / z;
    Map<String, Object> gce = JsonLines.readObject(lines[0]);
    assertThat(((Number) gce.get("value")).doubleValue())
        .isCloseTo((1 - Math.pow(p0, 0.3)) / 0.3, within(1e-15));
    double[][] g = JsonValues.toDoubleMatrix(gce.get("gradient"), "gradient");
    assertThat(g[0][0]).isCloseTo(Math.pow(p0, 0.3) * (p0 - 1), within(1e-15));

    assertThat(JsonLines.readObject(lines[1]).get("error").toString())
        .startsWith("line 2: ").contains("q (1.5) must be in (0, 1]");

    double[][] focal = JsonValues.toDoubleMatrix(JsonLines.readObject(lines[2]).get("values"), "values");
    double p = 1 / (1 + Math.exp(-0.5));
    double q = 1 / (1 + Math.exp(1));
    assertThat(focal[0][0]).isCloseTo(0.25 * -Math.log(p) * (1 - p) * (1 - p), within(1e-15));
    assertThat(focal[0][1]).isCloseTo(0.75 * -Math.log(1 - q) * q * q, within(1e-15));

    Map<String, Object> zero = JsonLines.readObject(lines[3]);
    assertThat(((Number) zero.get("value")).doubleValue()).isEqualTo(1.0);
    assertThat(JsonValues.toDoubleMatrix(zero.get("gradient"), "gradient")[0]).containsExactly(-0.6, -0.8);

    assertThat(JsonLines.readObject(lines[4]).get("error").toString())
        .startsWith("line 5: ").contains("target of example 0 is a zero row");
    assertThat(JsonLines.readObject(lines[5]).get("error").toString())
        .startsWith("line 6: ").contains("order (0) must be an integer >= 1");
  }

  @Test
  void aNewLossWithAnOptionFromTheShell() {
    int code = run(null, "loss", "gce", "--scores", "2,1,0.1", "--labels", "0", "--option", "q=0.3");
    assertThat(code).isZero();
    double z = Math.exp(2) + Math.exp(1) + Math.exp(0.1);
    double expected = (1 - Math.pow(Math.exp(2) / z, 0.3)) / 0.3;
    assertThat(out.toString()).contains(String.valueOf(expected).substring(0, 12));
    err.getBuffer().setLength(0);
    assertThat(run(null, "loss", "rescaled-mse", "--scores", "2,1", "--labels", "0", "--option", "M=0"))
        .isEqualTo(2);
    assertThat(err.toString()).startsWith("losslab loss: ").contains("M (0.0) must be > 0");
  }

  @Test
  void badArgumentsGiveOneLineAndExitTwo() {
    for (List<String> args : List.of(
        List.of("loss", "nope", "--scores", "1", "--labels", "0"),
        List.of("loss", "mse", "--scores", "1,x", "--target", "1,2"),
        List.of("loss", "cross-entropy", "--scores", "1,2", "--labels", "5"),
        List.of("loss", "cross-entropy", "--scores", "NaN,2", "--labels", "0"),
        List.of("loss", "cross-entropy", "--scores", "1,2", "--labels", "0", "--option", "labelSmoothing=2"),
        List.of("loss", "mse", "--scores", "1,2;3", "--target", "1,2;3,4"))) {
      err.getBuffer().setLength(0);
      int code = run(null, args.toArray(String[]::new));
      assertThat(code).as(args.toString()).isEqualTo(2);
      assertThat(err.toString().strip().lines().count()).as(args.toString()).isEqualTo(1);
      assertThat(err.toString()).as(args.toString()).startsWith("losslab loss: ").doesNotContain("Exception");
    }
  }

  @Test
  void aProvidedLossIsEvaluatedWithItsOptions() {
    int code = run(null, "loss", "test-scaled-mse", "--scores", "1.5,-0.5;0.25,2", "--target", "1,0;0,1",
        "--option", "scale=2.5", "--reduction", "sum");
    assertThat(code).as(err.toString()).isZero();
    String printed = out.toString();
    assertThat(printed).contains("loss       test-scaled-mse scale=2.5")
        .containsPattern("value +3\\.90625000000000\\R")
        .containsPattern("\\[0\\] +2\\.50000000000000 +-2\\.50000000000000")
        .containsPattern("\\[1\\] +1\\.25000000000000 +5\\.00000000000000");
  }

  @Test
  void aProviderThatFailsIsOneLineNamingTheLossAndTheProvider() {
    String provider = TestLossProvider.class.getName();
    for (List<String> args : List.of(
        List.of("loss", "test-scaled-mse", "--scores", "1", "--target", "0", "--option", "scale=-1"),
        List.of("loss", "test-throws", "--scores", "1", "--target", "0"))) {
      err.getBuffer().setLength(0);
      int code = run(null, args.toArray(String[]::new));
      assertThat(code).as(args.toString()).isEqualTo(2);
      assertThat(err.toString().strip().lines().count()).as(args.toString()).isEqualTo(1);
      assertThat(err.toString()).as(args.toString())
          .startsWith("losslab loss: loss '" + args.get(1) + "' (provider " + provider + ") failed: ");
    }
    assertThat(err.toString()).contains("failed: IllegalStateException: the provider is not configured");
    err.getBuffer().setLength(0);
    assertThat(run(null, "loss", "no-such-loss", "--scores", "1", "--target", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("test-scaled-mse (" + provider + ")");
  }

  @Test
  void jsonLinesAnswerAProviderFailureOnItsLineOnly() {
    String input = String.join("\n",
        "{\"loss\":\"test-scaled-mse\",\"scores\":[[1,2]],\"target\":[[0,0]],\"options\":{\"scale\":3}}",
        "{\"loss\":\"test-throws\",\"scores\":[[1,2]],\"target\":[[0,0]]}",
        "{\"loss\":\"test-scaled-mse\",\"scores\":[[1,2]],\"target\":[[0,0]],\"options\":{\"scale\":0}}",
        "{\"loss\":\"test-scaled-mse\",\"scores\":[[1,2]],\"target\":[[0,0]],"
            + "\"options\":{\"reduction\":\"none\"}}");
    int code = run(input, "loss", "--jsonl");
    assertThat(code).isZero();
    String[] lines = out.toString().strip().split("\n");
    assertThat(lines).hasSize(4);
    Map<String, Object> first = JsonLines.readObject(lines[0]);
    assertThat(((Number) first.get("value")).doubleValue()).isEqualTo(3 * (1 + 4) / 2.0);
    assertThat(JsonValues.toDoubleMatrix(first.get("gradient"), "gradient")[0]).containsExactly(3.0, 6.0);
    assertThat(JsonLines.readObject(lines[1]).get("error")).isEqualTo("line 2: loss 'test-throws' (provider "
        + TestLossProvider.class.getName() + ") failed: IllegalStateException: the provider is not configured");
    assertThat(JsonLines.readObject(lines[2]).get("error")).isEqualTo("line 3: loss 'test-scaled-mse' (provider "
        + TestLossProvider.class.getName() + ") failed: scale (0.0) must be > 0 and finite");
    assertThat(JsonValues.toDoubleMatrix(JsonLines.readObject(lines[3]).get("values"), "values")[0])
        .containsExactly(1.0, 4.0);
  }

  @Test
  void aFormulaIsALossName() {
    int code = run(null, "loss", "formula:logsumexp(s) - s[label]", "--scores",
        "1.2,-0.8,-0.5;0.9,-1.2,1.1", "--labels", "0,1", "--reduction", "none");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("0.276129705545").contains("2.95179879585");
  }

  @Test
  void aFormulaWithASyntaxErrorExitsTwoWithACaret() {
    int code = run(null, "loss", "formula:(exp(s) - y^2", "--scores", "1,2", "--target", "0,1");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip().lines()).containsExactly(
        "losslab loss: formula:(exp(s) - y^2: column 14: expected ')' to close the '(' at column 1, "
            + "found the end of the formula",
        "  (exp(s) - y^2",
        "  .............^");
  }

  @Test
  void aFormulaUndefinedAtTheScoresExitsOneNamingTheSubExpression() {
    int code = run(null, "loss", "formula:sum(log(s))", "--scores", "1,-2", "--labels", "0");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("losslab loss: formula:sum(log(s)): example 0: log(s) "
        + "at column 5 is NaN at element 1, from the argument -2.0");
  }

  @Test
  void jsonLinesReportAFormulaUndefinedOnOneLineAndGoOn() {
    String input = String.join("\n",
        "{\"loss\":\"formula:sum(log(s))\",\"scores\":[[1,-2]],\"labels\":[0]}",
        "{\"loss\":\"formula:(s - y)^2\",\"scores\":[[1,2]],\"target\":[[0,0]],"
            + "\"options\":{\"reduction\":\"sum\"}}");
    int code = run(input, "loss", "--jsonl");
    assertThat(code).isZero();
    String[] lines = out.toString().strip().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(JsonLines.readObject(lines[0]).get("error").toString())
        .isEqualTo("line 1: formula:sum(log(s)): example 0: log(s) at column 5 is NaN at element 1, "
            + "from the argument -2.0");
    assertThat(((Number) JsonLines.readObject(lines[1]).get("value")).doubleValue()).isEqualTo(5.0);
  }

  @Test
  void overflowIsReportedAsInfinityWithADiagnosticNeverNaN() {
    int code = run(null, "loss", "exp-mse", "--scores", "400,1", "--target", "0,1");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("Infinity").doesNotContain("NaN");
    assertThat(err.toString()).contains("exceeds the double range");
  }
}
