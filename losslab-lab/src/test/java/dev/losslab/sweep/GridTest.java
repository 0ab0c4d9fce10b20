package dev.losslab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.data.LabelNoise;
import dev.losslab.experiment.CompareConfig;
import dev.losslab.experiment.LossChoice;
import dev.losslab.experiment.ModelSetup;
import dev.losslab.train.OptimizerKind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GridTest {

  static final CompareConfig BASE = CompareConfig.of("cross-entropy,gce", 2, ModelSetup.defaults());

  @Test
  void cellsAreEveryCombinationFirstAxisSlowest() {
    Grid g = Grid.parse(List.of("lr=0.01,0.1", "noise=none,symmetric:0.2,pair:0.4"));
    assertThat(g.size()).isEqualTo(6);
    assertThat(g.describe()).isEqualTo("lr × noise");
    List<GridCell> cells = g.cells(BASE);
    assertThat(cells).extracting(GridCell::label).containsExactly(
        "lr=0.01 noise=none", "lr=0.01 noise=symmetric:0.2", "lr=0.01 noise=pair:0.4",
        "lr=0.1 noise=none", "lr=0.1 noise=symmetric:0.2", "lr=0.1 noise=pair:0.4");
    assertThat(cells.get(4).config().setup().trainer().learningRate()).isEqualTo(0.1);
    assertThat(cells.get(4).noise()).isEqualTo(new Noise(LabelNoise.Kind.SYMMETRIC, 0.2, Noise.SEED));
    assertThat(cells.get(5).noise().describe()).isEqualTo("pair-flip:0.4");
    assertThat(cells.get(0).noise().none()).isTrue();
    assertThat(Grid.NONE.cells(BASE)).singleElement()
        .satisfies(c -> assertThat(c.config()).isEqualTo(BASE));
  }

  @Test
  void eachTrainerAndModelOptionChangesItsField() {
    Grid g = Grid.parse(List.of("momentum=0.5", "batch=8", "epochs=3", "weight-decay=1e-4",
        "optimizer=adam", "stop=loss-change:0.01", "hidden=16-8", "activation=tanh"));
    ModelSetup m = g.cells(BASE).get(0).config().setup();
    assertThat(m.trainer().momentum()).isEqualTo(0.5);
    assertThat(m.trainer().batchSize()).isEqualTo(8);
    assertThat(m.trainer().epochs()).isEqualTo(3);
    assertThat(m.trainer().weightDecay()).isEqualTo(1e-4);
    assertThat(m.trainer().optimizer()).isEqualTo(OptimizerKind.ADAM);
    assertThat(m.trainer().stopping().describe()).isEqualTo("loss-change:0.01");
    assertThat(m.hidden()).containsExactly(16, 8);
    assertThat(m.activation()).isEqualTo("tanh");
    assertThat(Grid.parse(List.of("hidden=0")).cells(BASE).get(0).config().setup().hidden()).isEmpty();
  }

  @Test
  void aLossOptionIsSetOnEveryLossOfThatNameAndKeepsItsLabel() {
    List<GridCell> cells = Grid.parse(List.of("gce:q=0.3,0.7")).cells(BASE);
    LossChoice gce = cells.get(0).config().losses().get(1);
    assertThat(gce.label()).isEqualTo("gce");
    assertThat(gce.options()).containsEntry("q", "0.3");
    assertThat(cells.get(0).config().losses().get(0)).isEqualTo(BASE.losses().get(0));
    assertThat(cells.get(1).config().losses().get(1).options()).containsEntry("q", "0.7");
  }

  static Stream<Arguments> badGrids() {
    return Stream.of(
        Arguments.of(List.of("foo=1,2"), "grid option 'foo' is unknown; the options are lr,"),
        Arguments.of(List.of("lr"), "grid 'lr' must be written NAME=V1,V2,..."),
        Arguments.of(List.of("lr="), "grid 'lr=' has no values after '='"),
        Arguments.of(List.of("=1,2"), "grid '=1,2' has no option name before '='"),
        Arguments.of(List.of("lr=0.1,,0.2"), "grid 'lr=0.1,,0.2' has an empty value"),
        Arguments.of(List.of("lr=0.1,0.1"), "grid option lr: value 0.1 is listed twice"),
        Arguments.of(List.of("lr=0.1", "lr=0.2"), "grid option lr is given twice"),
        Arguments.of(List.of("lr=abc"), "grid option lr, value 'abc': not a number"),
        Arguments.of(List.of("lr=-1"), "grid option lr, value '-1': learning rate (-1.0) must be > 0"),
        Arguments.of(List.of("batch=0.5"), "grid option batch, value '0.5': not a whole number"),
        Arguments.of(List.of("optimizer=rmsprop"), "grid option optimizer, value 'rmsprop': optimizer"),
        Arguments.of(List.of("hidden=32-x"), "grid option hidden, value '32-x': must be layer sizes"),
        Arguments.of(List.of("activation=nope"), "grid option activation, value 'nope':"),
        Arguments.of(List.of("noise=gaussian:0.2"), "grid option noise, value 'gaussian:0.2': noise kind 'gaussian' in"),
        Arguments.of(List.of("noise=symmetric:1.5"), "grid option noise, value 'symmetric:1.5': noise rate in 'symmetric:1.5' must be in [0, 1]"),
        Arguments.of(List.of("focal:gamma=1"), "grid option focal:gamma, value '1': no loss of the"
            + " comparison is named 'focal' (losses: cross-entropy, gce)"),
        Arguments.of(List.of("gce:q=-2"), "grid option gce:q, value '-2':"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badGrids")
  void aBadGridIsOneLineNamingIt(List<String> specs, String message) {
    assertThatThrownBy(() -> Grid.parse(specs).cells(BASE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aLossOptionGivenInTheLossAndTheGridIsRefused() {
    CompareConfig c = CompareConfig.of("gce:q=0.5", 1, ModelSetup.defaults());
    assertThatThrownBy(() -> Grid.parse(List.of("gce:q=0.3")).cells(c))
        .hasMessageContaining("loss 'gce:q=0.5' already sets q");
  }
}
