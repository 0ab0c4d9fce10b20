package dev.losslab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  @TempDir Path dir;

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  void labelInTheLastColumnByDefaultWithoutHeader() throws IOException {
    DenseDataset d = CsvReader.read(file("a.csv", "0,1.5,2\n3,4,0\n\n5,6,1\n"));
    assertThat(d.rows()).isEqualTo(3);
    assertThat(d.columns()).isEqualTo(2);
    assertThat(d.features()).containsExactly(0f, 1.5f, 3f, 4f, 5f, 6f);
    assertThat(d.labels()).containsExactly(2, 0, 1);
    assertThat(d.classes()).isEqualTo(3);
    assertThat(d.name()).isEqualTo("a.csv");
  }

  @Test
  void headerIsDetectedAndLabelColumnChosen() throws IOException {
    Path p = file("h.csv", "label, x1 , x2\n1, 0.5, 0.25\n0, -1, 2\n");
    DenseDataset d = CsvReader.read(p, CsvReader.Options.defaults().withLabelColumn(0));
    assertThat(d.labels()).containsExactly(1, 0);
    assertThat(d.features()).containsExactly(0.5f, 0.25f, -1f, 2f);
    DenseDataset noHeader = CsvReader.read(file("n.csv", "1;2;0\n"),
        CsvReader.Options.defaults().withDelimiter(';').withHeader(CsvReader.Header.NO));
    assertThat(noHeader.rows()).isEqualTo(1);
    DenseDataset forcedHeader = CsvReader.read(file("f.csv", "1,2,0\n3,4,1\n"),
        CsvReader.Options.defaults().withHeader(CsvReader.Header.YES));
    assertThat(forcedHeader.rows()).isEqualTo(1);
  }

  @Test
  void gzipIsRecognisedByContent() throws IOException {
    Path p = dir.resolve("d.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write("1,2,1\n3,4,0\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(CsvReader.read(p).labels()).containsExactly(1, 0);
  }

  @Test
  void regressionReadsTheLabelColumnAsATarget() throws IOException {
    DenseDataset d = CsvReader.read(file("r.csv", "0.5,1.25\n1,-2.5\n"),
        CsvReader.Options.defaults().withRegression(true));
    assertThat(d.hasLabels()).isFalse();
    assertThat(d.targets()).containsExactly(1.25, -2.5);
    assertThat(d.outputs()).isEqualTo(1);
  }

  @Test
  void linesEndAtLfCrlfOrCrAndBlankLinesAreSkipped() throws IOException {
    DenseDataset d = CsvReader.read(file("cr.csv", "1,2,0\r3,4,1\r\n \t \n\r5,6,0"));
    assertThat(d.labels()).containsExactly(0, 1, 0);
    Path bad = file("cr-bad.csv", "1,2,0\r\r\n3,x,1\n");
    assertThatThrownBy(() -> CsvReader.read(bad)).hasMessage(bad + ":3: field 2 ('x') is not a number");
    DenseDataset tabs = CsvReader.read(file("t.tsv", "1\t2\t0\n\t \t\n3\t4\t1\n"),
        CsvReader.Options.defaults().withDelimiter('\t'));
    assertThat(tabs.rows()).isEqualTo(2);
    Path commas = file("commas.csv", "1,2,0\n , ,\n");
    assertThatThrownBy(() -> CsvReader.read(commas)).hasMessage(commas + ":2: field 1 ('') is not a number");
  }

  @Test
  void quotesAreTextAndInvalidBytesReadAsReplacementCharacters() throws IOException {
    Path quoted = file("q.csv", "1,2,0\n\"3\",4,1\n");
    assertThatThrownBy(() -> CsvReader.read(quoted)).hasMessage(quoted + ":2: field 1 ('\"3\"') is not a number");
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, "gr\u00f6\u00dfe,label\n1,0\n2,\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> CsvReader.read(latin1))
        .hasMessage(latin1 + ":3: label '\uFFFD' in field 2 is not a class number 0, 1, 2, ...");
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstField() throws IOException {
    Path p = dir.resolve("bom.csv");
    Files.write(p, "\uFEFF1,2,0\n3,4,1\n".getBytes(StandardCharsets.UTF_8));
    assertThat(CsvReader.read(p).rows()).isEqualTo(2);
    assertThat(CsvReader.read(p, CsvReader.Options.defaults().withHeader(CsvReader.Header.NO)).features())
        .containsExactly(1f, 2f, 3f, 4f);
  }

  @Test
  void theDelimiterIsAnAsciiCharacter() throws IOException {
    Path p = file("s.csv", "1\u00a72\u00a70\n");
    assertThatThrownBy(() -> CsvReader.read(p, CsvReader.Options.defaults().withDelimiter('\u00a7')))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delimiter '\u00a7' must be an ASCII character other than CR and LF");
  }

  @Test
  void errorsNameFileAndLine() throws IOException {
    Path ragged = file("ragged.csv", "1,2,0\n\n3,1\n");
    assertThatThrownBy(() -> CsvReader.read(ragged))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(ragged + ":3: expected 3 fields, found 2");
    Path word = file("word.csv", "1,2,0\n3,abc,1\n");
    assertThatThrownBy(() -> CsvReader.read(word))
        .hasMessage(word + ":2: field 2 ('abc') is not a number");
    Path label = file("label.csv", "1,2,0\n3,4,1.5\n");
    assertThatThrownBy(() -> CsvReader.read(label))
        .hasMessage(label + ":2: label '1.5' in field 3 is not a class number 0, 1, 2, ...");
    Path negative = file("neg.csv", "1,2,-1\n");
    assertThatThrownBy(() -> CsvReader.read(negative)).hasMessageContaining(":1: label '-1'");
    Path nan = file("nan.csv", "1,NaN,0\n");
    assertThatThrownBy(() -> CsvReader.read(nan)).hasMessage(nan + ":1: field 2 is nan, must be finite");
    Path empty = file("empty.csv", "\n\n");
    assertThatThrownBy(() -> CsvReader.read(empty)).hasMessage(empty + ": no data rows");
    Path onlyHeader = file("header.csv", "a,b,label\n");
    assertThatThrownBy(() -> CsvReader.read(onlyHeader)).hasMessage(onlyHeader + ": no data rows");
    Path one = file("one.csv", "1\n2\n");
    assertThatThrownBy(() -> CsvReader.read(one)).hasMessageContaining(":1: found 1 field");
    Path p = file("ok.csv", "1,2,0\n");
    assertThatThrownBy(() -> CsvReader.read(p, CsvReader.Options.defaults().withLabelColumn(5)))
        .hasMessage(p + ":1: label column 5 is outside the row's 3 fields");
    assertThatThrownBy(() -> CsvReader.read(dir.resolve("missing.csv")))
        .hasMessageEndingWith("missing.csv: no such file");
  }
}
