package dev.losslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.experiment.CompareConfig;
import dev.losslab.experiment.CompareData;
import dev.losslab.experiment.ExperimentContext;
import dev.losslab.experiment.ExploreConfig;
import dev.losslab.experiment.ModelSetup;
import org.junit.jupiter.api.Test;

/** The commands' defaults are the lab's: a command run with no options is the lab's default call. */
class DefaultsTest {

  @Test
  void trainingOptionsDescribeTheLabsDefaultSetup() {
    assertThat(new TrainingOptions().setup()).isEqualTo(ModelSetup.defaults());
  }

  @Test
  void compareExperimentAndExploreStartFromTheLabsDefaults() {
    CompareCommand compare = new CompareCommand();
    assertThat(compare.seeds).isEqualTo(CompareConfig.defaults().seeds());
    assertThat(compare.sample).isEqualTo(CompareConfig.defaults().sample());
    assertThat(compare.stallThreshold).isEqualTo(CompareConfig.defaults().stallThreshold());
    assertThat(compare.generatedSize)
        .isEqualTo(CompareData.DEFAULT_TRAIN_ROWS + "," + CompareData.DEFAULT_TEST_ROWS).isEqualTo("2000,1000");
    assertThat(new ExperimentCommand().seeds).isEqualTo(ExperimentContext.standard().seeds());
    ExploreCommand explore = new ExploreCommand();
    ExploreConfig d = ExploreConfig.defaults();
    assertThat(explore.range).isEqualTo("-10:10");
    assertThat(ExploreCommand.parseRange(explore.range)).containsExactly(d.lo(), d.hi());
    assertThat(explore.targets).isEqualTo("0,1");
    assertThat(ExploreCommand.parseTargets(explore.targets)).containsExactly(d.targets());
    assertThat(explore.points).isEqualTo(d.points());
    assertThat(explore.losses).isEqualTo(ExploreConfig.DEFAULT_LOSSES);
  }
}
