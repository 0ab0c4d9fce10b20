package dev.losslab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@SuppressWarnings("unchecked")
class ReportWriterTest {

  @TempDir Path tmp;

  static Report tinyReport(String title) {
    double[] epochs = {1, 2, 3, 4};
    LinePlot loss = LinePlot.builder("Training loss", "epoch", "loss (log scale)").logY()
        .curve(Curve.withBand("cross-entropy", epochs, new double[] {1.0, 0.5, 0.3, 0.2},
            new double[] {0.1, 0.05, 0.2, 0.01}))
        .curve(Curve.of("diverged", epochs, new double[] {Double.NaN, Double.NaN, -1, 0}))
        .build();
    LinePlot acc = LinePlot.builder("Test accuracy", "epoch", "accuracy").curve(
        Curve.dashed("mse", epochs, new double[] {0.2, 0.4, 0.6, 0.7})).build();
    Section s = Section.builder("compare", "Compare <losses> & \"seeds\"")
        .paragraph("Verdict: cross-entropy wins by 0.10 (threshold 0.05).")
        .figure("loss", loss, "Loss per epoch, mean ± sd over 3 seeds.")
        .figure("accuracy", acc, "Accuracy per epoch.")
        .table("Final accuracy", List.of("loss", "accuracy", "time per epoch (ms)"),
            List.of(List.of("cross-entropy", "0.8500 ± 0.0100", "12.5"),
                List.of("mse", "0.7000 ± 0.0300", "11.0")))
        .build();
    return Report.builder(title).configure("seeds", 3).configure("data.sha256", "abc123")
        .section(s)
        .measure(new Measurement("compare", "cross-entropy", 1, 1, "train_loss", 1.0))
        .measure(new Measurement("compare", "diverged", 1, 1, "train_loss", Double.NaN))
        .measure(new Measurement("compare", "a,b", Measurement.NO_SEED, 0.5, "value", 2.5))
        .build();
  }

  @Test
  void writesWellFormedHtmlWhoseImagesAllExistAndAreReferenced() throws Exception {
    Path dir = tmp.resolve("report");
    ReportWriter.write(tinyReport("Tiny"), dir);

    for (String f : ReportWriter.FILES) {
      assertThat(dir.resolve(f)).isRegularFile();
    }
    Document doc = parseStrict(dir.resolve("index.html"));
    NodeList imgs = doc.getElementsByTagName("img");
    Set<String> referenced = new HashSet<>();
    for (int i = 0; i < imgs.getLength(); i++) {
      String src = ((Element) imgs.item(i)).getAttribute("src");
      referenced.add(src);
      Path png = dir.resolve(src);
      assertThat(png).isRegularFile();
      var image = ImageIO.read(png.toFile());
      assertThat(image.getWidth()).isEqualTo(PlotRenderer.WIDTH);
    }
    Set<String> onDisk = new HashSet<>();
    try (Stream<Path> files = Files.list(dir.resolve("fig"))) {
      files.forEach(p -> onDisk.add("fig/" + p.getFileName()));
    }
    assertThat(referenced).containsExactlyInAnyOrder("fig/loss.png", "fig/accuracy.png");
    assertThat(onDisk).isEqualTo(referenced);

    List<String> numericCells = new ArrayList<>();
    NodeList tds = doc.getElementsByTagName("td");
    for (int i = 0; i < tds.getLength(); i++) {
      if ("num".equals(((Element) tds.item(i)).getAttribute("class"))) {
        numericCells.add(tds.item(i).getTextContent());
      }
    }
    assertThat(numericCells).contains("0.8500 ± 0.0100", "12.5", "3");
    assertThat(doc.getElementsByTagName("h2").item(0).getTextContent())
        .isEqualTo("Compare <losses> & \"seeds\"");
    assertThat(Files.readString(dir.resolve("index.html")))
        .contains("Not drawn (no finite value on this scale): diverged.");
  }

  @Test
  void figuresDrawnOnSeveralThreadsAreTheBytesOfOneByOne() throws Exception {
    Report r = tinyReport("figures");
    Path dir = tmp.resolve("parallel");
    ReportWriter.write(r, dir);
    assertThat(r.figures()).hasSize(2);
    for (Block.Figure f : r.figures()) {
      Path alone = tmp.resolve("alone-" + f.name() + ".png");
      List<String> omitted = PlotRenderer.writePng(f.plot(), alone);
      assertThat(Files.readAllBytes(dir.resolve(f.file()))).as(f.name())
          .isEqualTo(Files.readAllBytes(alone));
      if (f.name().endsWith("loss")) {
        assertThat(omitted).containsExactly("diverged");
      }
    }
    assertThat(Files.readString(dir.resolve("index.html"))).contains("diverged");
  }

  @Test
  void csvAndJsonHoldEveryMeasurementAndTheConfiguration() throws Exception {
    Path dir = tmp.resolve("r");
    ReportWriter.write(tinyReport("Tiny"), dir);
    List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
    assertThat(csv).contains("# seeds = 3", "# data.sha256 = abc123", CsvWriter.HEADER,
        "compare,cross-entropy,1,1,train_loss,1", "compare,diverged,1,1,train_loss,NaN",
        "compare,\"a,b\",,0.5,value,2.5");
    String json = Files.readString(dir.resolve("results.json"));
    assertThat(json).doesNotContain(":NaN");
    // strict JSON: a parser with its defaults (no NaN, no trailing tokens) reads it
    var parsed = new com.fasterxml.jackson.databind.ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .readValue(json, java.util.Map.class);
    assertThat((java.util.Map<String, Object>) parsed.get("configuration")).containsEntry("data.sha256", "abc123");
    List<?> ms = (List<?>) parsed.get("measurements");
    assertThat(ms).hasSize(3);
    assertThat((java.util.Map<String, Object>) ms.get(1)).containsEntry("value", null)
        .containsEntry("nonFinite", "NaN");
    assertThat((java.util.Map<String, Object>) ms.get(2)).containsEntry("seed", null)
        .containsEntry("series", "a,b");
    List<?> tables = (List<?>) parsed.get("tables");
    assertThat(((java.util.Map<String, Object>) tables.get(0)).get("rows").toString())
        .contains("0.8500 ± 0.0100");
  }

  @Test
  void interruptedWriteLeavesThePreviousReportIntact() throws Exception {
    Path dir = tmp.resolve("report");
    ReportWriter.write(tinyReport("First"), dir);
    String before = Files.readString(dir.resolve("index.html"));

    assertThatThrownBy(() -> ReportWriter.write(tinyReport("Second"), dir, () -> {
      throw new IOException("interrupted");
    })).isInstanceOf(IOException.class).hasMessageContaining("interrupted");

    assertThat(Files.readString(dir.resolve("index.html"))).isEqualTo(before).contains("First");
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("report");
    }
    ReportWriter.write(tinyReport("Second"), dir);
    assertThat(Files.readString(dir.resolve("index.html"))).contains("Second");
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("report");
    }
  }

  @Test
  void unwritableFolderFailsWithOneLineNamingIt() throws Exception {
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    assertThatThrownBy(() -> ReportWriter.write(tinyReport("T"), file.resolve("report")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("plain-file")
        .hasMessageContaining("not writable")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> ReportWriter.checkWritable(file))
        .hasMessageContaining("is not a folder");
  }

  @Test
  void theFolderAndItsFilesGetTheUmasksPermissionsLikeAnyNewFolder() throws Exception {
    assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
    // what the umask gives a folder and a file made with no permissions asked for
    Set<PosixFilePermission> folder = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("plain")));
    Set<PosixFilePermission> file = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("plain.txt")));
    assumeTrue(folder.contains(PosixFilePermission.GROUP_READ), "a umask that lets the group read");

    Path dir = tmp.resolve("report");
    ReportWriter.write(tinyReport("First"), dir);
    ReportWriter.write(tinyReport("Replaced"), dir);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo(PosixFilePermissions.toString(folder));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("fig"))))
        .isEqualTo(PosixFilePermissions.toString(folder));
    for (String f : List.of("index.html", "results.csv", "results.json", "fig/loss.png")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f)))).as(f)
          .isEqualTo(PosixFilePermissions.toString(file));
    }
  }

  static Document parseStrict(Path html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    var builder = f.newDocumentBuilder();
    builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
      @Override
      public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
        throw e;
      }
    });
    return builder.parse(html.toFile());
  }
}
