package dev.losslab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.report.Block;
import dev.losslab.report.Measurement;
import dev.losslab.report.Report;
import dev.losslab.report.ReportWriter;
import dev.losslab.report.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExperimentsTest {

  @TempDir Path tmp;

  static List<String> names() {
    return Experiments.all().stream().map(Experiment::name).toList();
  }

  @ParameterizedTest
  @MethodSource("names")
  void eachExperimentStatesItsClaimAndComputesAVerdictFromNumbers(String name) {
    List<Measurement> ms = new ArrayList<>();
    List<String> progress = new ArrayList<>();
    ExperimentContext ctx = ExperimentContext.quick(progress::add);
    Experiment e = Experiments.select(name).get(0);
    Section s = e.run(ctx, ms);
    assertThat(progress).as("progress steps announced by runs()").hasSize(e.runs(ctx));
    List<String> text = s.blocks().stream().filter(b -> b instanceof Block.Paragraph)
        .map(b -> ((Block.Paragraph) b).text()).toList();
    assertThat(text.get(0)).startsWith("Claim");
    List<String> verdicts = text.stream().filter(t -> t.startsWith("Verdict: ")).toList();
    assertThat(verdicts).isNotEmpty().allSatisfy(v -> {
      assertThat(v).matches("Verdict: (supported|not supported) — .*");
      assertThat(v).containsPattern("\\d");
    });
    assertThat(s.blocks()).anySatisfy(b -> assertThat(b).isInstanceOf(Block.Figure.class));
    assertThat(ms).isNotEmpty();
    countsAreWholeNumbers(s);
  }

  /** A word that counts: "16 epochs", "3 runs"; a mean of counts may keep one decimal, never four. */
  private static final java.util.regex.Pattern DECIMAL_COUNT = java.util.regex.Pattern.compile(
      "\\b\\d+\\.(0+|\\d{2,}) (epochs?|runs?|examples?|seeds?|networks?)\\b");

  /** Prose, captions and the cells of columns that hold counts show counts as integers. */
  static void countsAreWholeNumbers(Section s) {
    for (Block b : s.blocks()) {
      List<String> texts = new ArrayList<>();
      if (b instanceof Block.Paragraph p) {
        texts.add(p.text());
      } else if (b instanceof Block.Figure f) {
        texts.add(f.caption());
      } else if (b instanceof Block.Table t) {
        texts.add(t.caption());
        for (int j = 0; j < t.header().size(); j++) {
          String h = t.header().get(j);
          boolean counts = h.startsWith("epochs ") || h.startsWith("runs ") || h.endsWith(" runs")
              || h.equals("epoch") || h.equals("seed") || h.startsWith("best epoch");
          for (List<String> row : t.rows()) {
            texts.add(row.get(j));
            if (counts) {
              assertThat(row.get(j)).as("%s: column '%s'", s.id(), h)
                  .matches("\\d+( ± \\d+)?|\\d+\\.\\d ± \\d+\\.\\d|\\d+/\\d+|\\d+–\\d+|not within \\d+|—")
                  .doesNotMatch("\\d+\\.0 ± 0\\.0");
            }
          }
        }
      }
      for (String t : texts) {
        assertThat(DECIMAL_COUNT.matcher(t).find()).as("%s: a count with decimals in: %s", s.id(), t)
            .isFalse();
      }
    }
  }

  @Test
  void ceAndKlDifferByTheTargetEntropyEvenInATinyRun() {
    Section s = new CeVsKlExperiment().run(ExperimentContext.quick(line -> {}), new ArrayList<>());
    List<String> verdicts = s.blocks().stream().filter(b -> b instanceof Block.Paragraph)
        .map(b -> ((Block.Paragraph) b).text()).filter(t -> t.startsWith("Verdict")).toList();
    assertThat(verdicts.get(0)).startsWith("Verdict: supported — cross-entropy = KL + H(targets)");
    assertThat(verdicts.get(1)).startsWith("Verdict: supported — same gradients");
  }

  @Test
  void unknownExperimentNamesTheKnownOnes() {
    assertThatThrownBy(() -> Experiments.select("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown experiment 'nope'").hasMessageContaining("label-noise, all");
  }

  @Test
  void reportOfOneExperimentIsWritten() throws Exception {
    Report r = Experiments.report(Experiments.select("mean-vs-median"),
        ExperimentContext.quick(line -> {}), "experiment mean-vs-median");
    ReportWriter.write(r, tmp.resolve("r"));
    assertThat(tmp.resolve("r/fig/mean-vs-median.png")).isRegularFile();
    assertThat(r.configuration()).containsKeys("data.checksum", "seeds");
  }
}
