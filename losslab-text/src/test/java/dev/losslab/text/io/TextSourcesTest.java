package dev.losslab.text.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSourcesTest {
  @TempDir Path dir;

  private static final InputOptions CSV = InputOptions.of(InputFormat.CSV);
  private static final InputOptions TSV = InputOptions.of(InputFormat.TSV);

  @Test
  void csvWithHeaderAndChosenColumns() throws IOException {
    Path f = write("a.csv", "label,title,body,extra\npos,Great film,Loved it,x\nneg,Dull,\"Slow, long\",y\n");
    InputOptions o = CSV.withHeader(true).withColumns(1, List.of(2, 3));
    assertThat(lines(f, o)).containsExactly(
        "__label__pos Great film Loved it", "__label__neg Dull Slow, long");
  }

  @Test
  void rfc4180QuotingEscapesAndMultiLineFields() throws IOException {
    Path f = write("q.csv", "spam,\"say \"\"hi\"\"\nto, all\"\r\nham,\"\"\r\n\r\n\"a b\",plain \"quote\" inside\n");
    List<Document> docs = read(f, CSV);
    assertThat(docs).extracting(Document::labels)
        .containsExactly(List.of("spam"), List.of("ham"), List.of("a_b"));
    assertThat(docs).extracting(Document::text)
        .containsExactly("say \"hi\" to, all", "", "plain \"quote\" inside");
    assertThat(docs).extracting(Document::location)
        .containsExactly(f + ":1", f + ":3", f + ":5");
  }

  @Test
  void lineNumbersCountLineBreaksInsideQuotes() throws IOException {
    Path f = write("m.csv", "a,\"one\ntwo\nthree\"\nb\n");
    assertThatThrownBy(() -> read(f, CSV.withColumns(1, List.of(2))))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(f + ":4: row has 1 column, column 2 (-textColumns) is missing");
  }

  @Test
  void missingColumnUnterminatedQuoteAndBadCharacters() throws IOException {
    Path f = write("bad.csv", "pos,a,b\nneg,c\n");
    assertThatThrownBy(() -> read(f, CSV.withColumns(1, List.of(2, 3))))
        .hasMessage(f + ":2: row has 2 columns, column 3 (-textColumns) is missing");
    Path g = write("open.csv", "pos,fine\nneg,\"never\nclosed\n");
    assertThatThrownBy(() -> read(g, CSV))
        .hasMessage(g + ":4: unterminated quoted field (column 2 opened at line 2)");
    Path h = write("after.csv", "pos,\"x\"y\n");
    assertThatThrownBy(() -> read(h, CSV)).hasMessageContaining(h + ":1: unexpected 'y' after the closing quote of column 2");
    Path e = write("empty.csv", "pos,a\n ,b\n");
    assertThatThrownBy(() -> read(e, CSV)).hasMessage(e + ":2: empty label in column 1");
  }

  @Test
  void invalidUtf8IsNamedAndLatin1CanBeChosen() throws IOException {
    Path f = dir.resolve("latin1.csv");
    Files.write(f, "pos,ok\nneg,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> read(f, CSV))
        .hasMessage(f + ":2: invalid UTF-8 in column 2 (for a Latin-1 file choose the ISO-8859-1 encoding)");
    assertThat(lines(f, CSV.withCharset(StandardCharsets.ISO_8859_1)))
        .containsExactly("__label__pos ok", "__label__neg café");
  }

  @Test
  void severalLabelsPerCellAndPrefixedLabels() throws IOException {
    Path f = write("ml.csv", "sports|politics,text one\n__label__x,text two\n");
    assertThat(lines(f, CSV.withLabelSeparator("|")))
        .containsExactly("__label__sports __label__politics text one", "__label__x text two");
  }

  @Test
  void defaultTextIsEveryOtherColumnAndBomIsSkipped() throws IOException {
    Path f = dir.resolve("bom.csv");
    Files.write(f, "\uFEFFfirst,pos,second\n".getBytes(StandardCharsets.UTF_8));
    assertThat(lines(f, CSV.withColumns(2, List.of()))).containsExactly("__label__pos first second");
  }

  @Test
  void tsvHasNoQuoting() throws IOException {
    Path f = write("t.tsv", "\"it 's\" a \"charming\" film\t1\r\nawful , truly\t0\n");
    assertThat(lines(f, TSV.withColumns(2, List.of(1))))
        .containsExactly("__label__1 \"it 's\" a \"charming\" film", "__label__0 awful , truly");
  }

  @Test
  void fastTextLinesWithLabelsAnywhere() throws IOException {
    Path f = write("f.txt", "__label__a hello  world\r\n\nsome text __label__b __label__c\n");
    List<Document> docs = read(f, InputOptions.of(InputFormat.FASTTEXT));
    assertThat(docs).extracting(Document::labels).containsExactly(List.of("a"), List.of("b", "c"));
    assertThat(docs).extracting(Document::text).containsExactly("hello world", "some text");
    assertThat(docs.get(1).location()).isEqualTo(f + ":3");
  }

  @Test
  void folderWithOneSubFolderPerClass() throws IOException {
    Path root = dir.resolve("corpus");
    write("corpus/pos/2.txt", "Good\nfilm.\n");
    write("corpus/pos/1.txt", "Great <br /> film");
    write("corpus/neg/a", "Bad\tone");
    write("corpus/.hidden/x.txt", "skip me");
    write("corpus/pos/.DS_Store", "skip");
    write("corpus/README", "not in a class folder");
    StringWriter out = new StringWriter();
    long n = TextSources.writeFastText(root, InputOptions.of(InputFormat.FOLDER), out);
    assertThat(n).isEqualTo(3);
    assertThat(out.toString()).isEqualTo(
        "__label__neg Bad one\n__label__pos Great <br /> film\n__label__pos Good film.\n");
  }

  @Test
  void folderErrors() throws IOException {
    Path root = dir.resolve("c");
    Files.createDirectories(root);
    InputOptions folder = InputOptions.of(InputFormat.FOLDER);
    assertThatThrownBy(() -> TextSources.open(root, folder)).isInstanceOf(InputFormatException.class)
        .hasMessageContaining(root + ": has no class sub-folders");
    Path bad = root.resolve("pos/x.txt");
    Files.createDirectories(bad.getParent());
    Files.write(bad, new byte[] {'o', 'k', (byte) 0xFF});
    assertThatThrownBy(() -> read(root, folder)).hasMessage(bad + ": invalid UTF-8 (for a Latin-1 corpus choose the ISO-8859-1 encoding)");
    assertThatThrownBy(() -> TextSources.open(bad, folder)).hasMessageContaining("is not a folder");
    assertThatThrownBy(() -> TextSources.open(root, CSV)).hasMessageContaining("is a folder; use -format folder");
    assertThatThrownBy(() -> TextSources.open(dir.resolve("nope.csv"), CSV)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void longLinesAndManyRowsStream() throws IOException {
    StringBuilder big = new StringBuilder("pos,");
    for (int i = 0; i < 2_000_000; i++) {
      big.append("w ");
    }
    big.append("\n");
    for (int i = 0; i < 1000; i++) {
      big.append("neg,row ").append(i).append('\n');
    }
    Path f = write("big.csv", big.toString());
    List<Document> docs = read(f, CSV);
    assertThat(docs).hasSize(1001);
    assertThat(docs.get(0).text()).hasSize(2 * 2_000_000 - 1);
    assertThat(docs.get(1000).location()).isEqualTo(f + ":1001");
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> CSV.withColumns(0, List.of(2))).hasMessageContaining("labelColumn (0) must be >= 1");
    assertThatThrownBy(() -> CSV.withColumns(1, List.of(2, 1))).hasMessageContaining("column 1 is both");
    assertThatThrownBy(() -> CSV.withColumns(1, List.of(2, 2))).hasMessageContaining("twice");
    assertThatThrownBy(() -> InputOptions.parseColumns("2,x")).hasMessageContaining("'x' is not a column number");
    assertThat(InputOptions.parseColumns("2, 3")).containsExactly(2, 3);
    assertThat(InputFormat.parse("CSV")).isEqualTo(InputFormat.CSV);
    assertThatThrownBy(() -> InputFormat.parse("xml")).hasMessage("unknown input format 'xml' (known: fasttext, csv, tsv, folder)");
  }

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  private List<Document> read(Path f, InputOptions o) throws IOException {
    List<Document> out = new ArrayList<>();
    try (DocumentReader r = TextSources.open(f, o)) {
      for (Document d = r.next(); d != null; d = r.next()) {
        out.add(d);
      }
    }
    return out;
  }

  private List<String> lines(Path f, InputOptions o) throws IOException {
    StringWriter w = new StringWriter();
    TextSources.writeFastText(f, o, w);
    return w.toString().lines().toList();
  }
}
