package dev.losslab.cli.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.cli.CommandRun;
import dev.losslab.io.Json;
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

    Map<String, Object> first = Json.parseObject(lines[0]);
    // PyTorch's weighted mean: Σ w_y·l / Σ w_y (reference/losses.md §e2).
    assertThat(((Number) first.get("value")).doubleValue()).isCloseTo(1.91929464633486, within(1e-12));
    assertThat(Json.toDoubleMatrix(first.get("gradient"), "gradient")).hasDimensions(2, 3);

    assertThat(Json.parseObject(lines[1]).get("error").toString()).startsWith("line 2: JSON");
    assertThat(Json.parseObject(lines[2]).get("error").toString()).contains("delta (-1.0)");

    Map<String, Object> bce = Json.parseObject(lines[3]);
    double[][] values = Json.toDoubleMatrix(bce.get("values"), "values");
    assertThat(values).hasDimensions(1, 2);
    assertThat(values[0][0]).isCloseTo(0.82407698418010668, within(1e-15));
    assertThat(values[0][1]).isCloseTo(0.69314718055994531, within(1e-15));

    assertThat(Json.parseObject(lines[4]).get("error").toString()).contains("not both");
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
    assertThat(Json.parseObject(lines[0]).get("error").toString())
        .isEqualTo("line 1: formula:sum(log(s)): example 0: log(s) at column 5 is NaN at element 1, "
            + "from the argument -2.0");
    assertThat(((Number) Json.parseObject(lines[1]).get("value")).doubleValue()).isEqualTo(5.0);
  }

  @Test
  void overflowIsReportedAsInfinityWithADiagnosticNeverNaN() {
    int code = run(null, "loss", "exp-mse", "--scores", "400,1", "--target", "0,1");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("Infinity").doesNotContain("NaN");
    assertThat(err.toString()).contains("exceeds the double range");
  }
}
