package dev.losslab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.data.LabelNoise;
import dev.losslab.report.Block;
import dev.losslab.report.MeanSd;
import dev.losslab.report.Measurement;
import dev.losslab.report.Section;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelNoiseExperimentTest {

  private static List<String> verdicts(Section s) {
    return s.blocks().stream().filter(b -> b instanceof Block.Paragraph)
        .map(b -> ((Block.Paragraph) b).text()).filter(t -> t.startsWith("Verdict")).toList();
  }

  @Test
  void theSymmetricLossesAreExactlyThoseWithAConstantSumOverLabels() {
    List<LossChoice> losses = LossChoice.parseList(LabelNoiseExperiment.LOSSES);
    List<Measurement> ms = new ArrayList<>();
    Section.Builder s = Section.builder("t", "t");
    new LabelNoiseExperiment().symmetry(losses, 10, s, ms);
    assertThat(verdicts(s.build())).singleElement().asString()
        .startsWith("Verdict: supported — MAE on the probabilities, NCE+RCE and NCE+MAE satisfy")
        .contains("varying: cross-entropy, gce, sce, taylor-ce, poly1");
    // Σ_j of 2 − 2p_j is 2K − 2; Σ_j NCE(s, j) = 1, Σ_j RCE(s, j) = A (K − 1)
    double[] mae = LabelNoiseExperiment.labelSums(LossChoice.parse(LabelNoiseExperiment.MAE).probe(10),
        10, 50, 7);
    double[] nceRce = LabelNoiseExperiment.labelSums(LossChoice.parse("nce-rce").probe(10), 10, 50, 7);
    for (int i = 0; i < 50; i++) {
      assertThat(mae[i]).isCloseTo(18.0, org.assertj.core.api.Assertions.within(1e-12));
      assertThat(nceRce[i]).isCloseTo(1 + 9 * -Math.log(1e-4),
          org.assertj.core.api.Assertions.within(1e-11));
    }
    assertThat(ms).anyMatch(m -> m.metric().equals("relative_spread_of_sum")
        && m.series().equals("cross-entropy") && m.value() > 0.1);
  }

  @Test
  void beatingCrossEntropyNeedsMoreThanTheMargin() {
    List<LossChoice> losses = LossChoice.parseList(LabelNoiseExperiment.LOSSES);
    List<LabelNoiseExperiment.Setting> settings = LabelNoiseExperiment.settings();
    MeanSd[][] acc = new MeanSd[losses.size()][settings.size()];
    for (int l = 0; l < losses.size(); l++) {
      for (int st = 0; st < settings.size(); st++) {
        acc[l][st] = new MeanSd(0.5, 0.01, 3);
      }
    }
    int at = settings.indexOf(new LabelNoiseExperiment.Setting(LabelNoise.Kind.SYMMETRIC, 0.4));
    acc[2][at] = new MeanSd(0.6, 0.01, 3); // gce
    acc[3][at] = new MeanSd(0.505, 0.01, 3); // sce: within the margin
    acc[4][at] = new MeanSd(0.7, 0.01, 3); // nce-rce
    String v = LabelNoiseExperiment.beatsCrossEntropy(losses, acc, settings);
    assertThat(v).startsWith("Verdict: not supported").contains("gce 0.6000 (+0.1000)")
        .contains("sce 0.5050 (+0.0050)").contains("gce, nce-rce beat it");
    acc[3][at] = new MeanSd(0.52, 0.01, 3);
    assertThat(LabelNoiseExperiment.beatsCrossEntropy(losses, acc, settings))
        .startsWith("Verdict: supported");
  }

  @Test
  void settingsCoverSymmetricAndPairFlipNoiseAndNameThemForTheReport() {
    assertThat(LabelNoiseExperiment.settings().stream().map(LabelNoiseExperiment.Setting::label))
        .containsExactly("clean", "symmetric 20.0 %", "symmetric 40.0 %", "symmetric 60.0 %",
            "symmetric 80.0 %", "pair-flip 20.0 %", "pair-flip 40.0 %");
    assertThat(LossChoice.parseList(LabelNoiseExperiment.LOSSES)).extracting(LossChoice::label)
        .containsExactly("cross-entropy", "formula:sum(abs(y - p))", "gce", "sce", "nce-rce", "nce-mae",
            "taylor-ce", "poly1");
  }
}
