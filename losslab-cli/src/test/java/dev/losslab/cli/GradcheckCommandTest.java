package dev.losslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class GradcheckCommandTest {

  private final CommandRun cli = new CommandRun();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  private int run(String... args) {
    return cli.execute(args);
  }

  @Test
  void checksTheNamedSubjectsAndPrintsOneRowEach() {
    int code = run("gradcheck", "mae", "sigmoid-mse", "relu");
    assertThat(code).isZero();
    String table = out.toString();
    assertThat(table).contains("mae").contains("sigmoid-mse").contains("relu").contains("3 of 3 passed");
    // mae and relu have kinks at the stress points: counted, not failed.
    assertThat(table.lines().filter(l -> l.startsWith("mae")).findFirst().orElseThrow()).endsWith("ok");
  }

  @Test
  void aProvidedLossIsCheckedOnEveryTargetKindItAccepts() {
    int code = run("gradcheck", "test-scaled-mse", "-v");
    assertThat(code).as(err.toString()).isZero();
    String table = out.toString();
    assertThat(table.lines().filter(l -> l.startsWith("test-scaled-mse")).findFirst().orElseThrow())
        .matches("test-scaled-mse +60 +60 +0 .* ok");
    assertThat(table).contains("[labels target]").contains("[distribution target]")
        .contains("[unit-interval target]").contains("[real target]").contains("1 of 1 passed");
  }

  @Test
  void withoutNamesTheProvidedLossesAreCheckedToo() {
    assertThat(GradcheckCommand.allNames()).containsSequence("test-scaled-mse", "test-throws")
        .contains("cross-entropy", "sigmoid-mse", "relu").doesNotHaveDuplicates()
        .endsWith("test-throws");
  }

  @Test
  void aProviderThatFailsIsAUsageErrorNamingIt() {
    assertThat(run("gradcheck", "test-throws")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("losslab gradcheck: loss 'test-throws' (provider "
        + "dev.losslab.cli.loss.TestLossProvider) failed: IllegalStateException: the provider is not configured");
  }

  @Test
  void anUnknownNameIsAUsageError() {
    int code = run("gradcheck", "no-such-loss");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("losslab gradcheck: ").contains("no-such-loss");
  }
}
