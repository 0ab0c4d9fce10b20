package dev.losslab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarPlotTest {

  static final List<String> CLASSES = List.of("class 0 (correct)", "class 1", "class 2");

  @Test
  void rendersGroupedBarsWithZerosAndNegativesToAPngOfTheFigureSize(@TempDir Path dir) throws Exception {
    BarPlot p = BarPlot.builder("push", "class j", "normalised push", CLASSES).yRange(-1, 1)
        .series("a", new double[] {1, -1, 0}).series("b", new double[] {0.25, -0.5, 0}).build();
    Path png = dir.resolve("bars.png");
    List<String> omitted = PlotRenderer.writePng((Plot) p, png);
    assertThat(omitted).isEmpty();
    var image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(PlotRenderer.WIDTH);
    assertThat(image.getHeight()).isEqualTo(PlotRenderer.HEIGHT);
    // series a is drawn in the first palette colour, b in the second
    assertThat(containsColour(image, PlotRenderer.color(0).getRGB())).isTrue();
    assertThat(containsColour(image, PlotRenderer.color(1).getRGB())).isTrue();
  }

  @Test
  void aSeriesWithANonFiniteHeightIsReportedNotDrawn(@TempDir Path dir) throws Exception {
    BarPlot p = BarPlot.builder("push", "class j", "normalised push", CLASSES)
        .series("fine", new double[] {1, 0, -1}).series("broken", new double[] {Double.NaN, 0, 1})
        .build();
    Path png = dir.resolve("bars.png");
    assertThat(PlotRenderer.writePng(p, png)).containsExactly("broken");
    assertThat(png).isRegularFile();
  }

  @Test
  void rejectsASeriesOfTheWrongLengthNamingIt() {
    assertThatThrownBy(() -> BarPlot.builder("push", "x", "y", CLASSES)
        .series("short", new double[] {1, 2}).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'short'").hasMessageContaining("2 heights for 3 categories");
    assertThatThrownBy(() -> BarPlot.builder("push", "x", "y", CLASSES).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no series");
  }

  private static boolean containsColour(java.awt.image.BufferedImage image, int rgb) {
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) {
          return true;
        }
      }
    }
    return false;
  }
}
