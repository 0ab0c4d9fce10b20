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
  void errorLinesCountTheLineBreaksOfEarlierQuotedFields() throws IOException {
    Path after = write("after2.csv", "a,\"one\ntwo\"\nb,\"x\"\"\ny\"q,z\n");
    assertThatThrownBy(() -> read(after, CSV)).hasMessage(after
        + ":4: unexpected 'q' after the closing quote of column 2 (a quote inside a quoted field is written \"\")");
    Path open = write("open2.csv", "a,\"one\ntwo\"\nb,c,\"x\r\ny");
    assertThatThrownBy(() -> read(open, CSV))
        .hasMessage(open + ":4: unterminated quoted field (column 3 opened at line 3)");
    Path inner = write("inner.csv", "a,\"x\ny\",\"z\nw");
    assertThatThrownBy(() -> read(inner, CSV))
        .hasMessage(inner + ":3: unterminated quoted field (column 3 opened at line 2)");
    Path bad = dir.resolve("bad2.csv");
    Files.write(bad, bytes("a,\"x\ny\"\nb,\"p\nq\",caf", 0xE9, "\n"));
    assertThatThrownBy(() -> read(bad, CSV))
        .hasMessage(bad + ":3: invalid UTF-8 in column 3 (for a Latin-1 file choose the ISO-8859-1 encoding)");
    Path empty = write("empty2.csv", "a,\"x\n\ny\"\n\"\",z\n");
    assertThatThrownBy(() -> read(empty, CSV)).hasMessage(empty + ":4: empty label in column 1");
  }

  @Test
  void crlfEndsARowAndCountsAsOneLine() throws IOException {
    Path f = write("crlf.csv", "a,\"x\r\ny\"\r\n\r\nb,plain\r\nc,\"\"\r\n");
    List<Document> docs = read(f, CSV);
    assertThat(docs).extracting(Document::text).containsExactly("x y", "plain", "");
    assertThat(docs).extracting(Document::location).containsExactly(f + ":1", f + ":4", f + ":5");
    Path g = write("crlf-bad.csv", "a,b\r\nc,\"d\"\r\ne,\"f\" \r\n");
    assertThatThrownBy(() -> read(g, CSV)).hasMessageStartingWith(g + ":3: unexpected ' ' after the closing quote of column 2");
  }

  @Test
  void aLoneCarriageReturnIsText() throws IOException {
    Path f = write("cr.csv", "pos,a\rb\nneg,\"c\rd\"\na\rb,e\r");
    List<Document> docs = read(f, CSV.withLabelSeparator(" "));
    assertThat(docs).extracting(Document::labels)
        .containsExactly(List.of("pos"), List.of("neg"), List.of("a_b"));
    assertThat(docs).extracting(Document::text).containsExactly("a b", "c d", "e");
    assertThat(docs).extracting(Document::location).containsExactly(f + ":1", f + ":2", f + ":3");
    Path t = write("cr.tsv", "pos\ta\rb\nneg\tc\n");
    assertThat(lines(t, TSV)).containsExactly("__label__pos a b", "__label__neg c");
    Path after = write("cr-after.csv", "pos,ok\nneg,\"x\"\ry\n");
    assertThatThrownBy(() -> read(after, CSV))
        .hasMessageStartingWith(after + ":2: unexpected byte 0x0D after the closing quote of column 2");
  }

  @Test
  void aByteOrderMarkIsSkippedInUtf8Only() throws IOException {
    Path f = dir.resolve("bom-quoted.csv");
    Files.write(f, "\uFEFF\"a,b\",pos\n".getBytes(StandardCharsets.UTF_8));
    assertThat(lines(f, CSV.withColumns(2, List.of(1)))).containsExactly("__label__pos a,b");
    Path g = dir.resolve("bom-header.csv");
    Files.write(g, "\uFEFFlabel,text\npos,x\n".getBytes(StandardCharsets.UTF_8));
    assertThat(lines(g, CSV.withHeader(true))).containsExactly("__label__pos x");
    Path latin1 = dir.resolve("bom-latin1.csv");
    Files.write(latin1, "\uFEFFpos,x\n".getBytes(StandardCharsets.UTF_8));
    assertThat(lines(latin1, CSV.withCharset(StandardCharsets.ISO_8859_1)))
        .containsExactly("__label__\u00ef\u00bb\u00bfpos x");
  }

  @Test
  void emptyLastLinesAndTrailingDelimiters() throws IOException {
    Path f = write("end.csv", "pos,a\n\n\r\n");
    assertThat(read(f, CSV)).extracting(Document::location).containsExactly(f + ":1");
    Path g = write("noend.csv", "pos,a\nneg,b");
    assertThat(lines(g, CSV)).containsExactly("__label__pos a", "__label__neg b");
    Path h = write("comma.csv", "pos,a,");
    assertThat(lines(h, CSV.withColumns(1, List.of(2, 3)))).containsExactly("__label__pos a");
    Path q = write("quoted-end.csv", "pos,\"a\"");
    assertThat(lines(q, CSV)).containsExactly("__label__pos a");
    Path empty = write("nothing.csv", "");
    assertThat(read(empty, CSV)).isEmpty();
  }

  @Test
  void invalidUtf8IsAnErrorOnlyInAColumnThatIsRead() throws IOException {
    Path f = dir.resolve("unused.csv");
    Files.write(f, bytes("pos,ok,", 0xFF, "\nneg,fine,", 0xC3, "\n"));
    assertThat(lines(f, CSV.withColumns(1, List.of(2)))).containsExactly("__label__pos ok", "__label__neg fine");
    assertThatThrownBy(() -> read(f, CSV))
        .hasMessage(f + ":1: invalid UTF-8 in column 3 (for a Latin-1 file choose the ISO-8859-1 encoding)");
    Path label = dir.resolve("label.csv");
    Files.write(label, bytes("pos,a\n\"x\ny\",b\n", 0xE2, 0x82, ",c\n"));
    assertThatThrownBy(() -> read(label, CSV))
        .hasMessage(label + ":4: invalid UTF-8 in column 1 (for a Latin-1 file choose the ISO-8859-1 encoding)");
    Path real = write("replacement.csv", "pos,\uFFFD kept\n");
    assertThat(lines(real, CSV)).containsExactly("__label__pos \uFFFD kept");
    Path after = dir.resolve("after-byte.csv");
    Files.write(after, bytes("pos,\"x\"", 0xC3, 0xA9, "\n"));
    assertThatThrownBy(() -> read(after, CSV))
        .hasMessageStartingWith(after + ":1: unexpected byte 0xC3 after the closing quote of column 2");
  }

  @Test
  void tsvQuotesAreTextEvenAcrossLines() throws IOException {
    Path f = write("q.tsv", "pos\t\"open\nneg\tclosed\"\n\"\"\t\"a\"\"b\"\n");
    List<Document> docs = read(f, TSV);
    assertThat(docs).extracting(Document::labels)
        .containsExactly(List.of("pos"), List.of("neg"), List.of("\"\""));
    assertThat(docs).extracting(Document::text).containsExactly("\"open", "closed\"", "\"a\"\"b\"");
    assertThat(docs).extracting(Document::location).containsExactly(f + ":1", f + ":2", f + ":3");
  }

  @Test
  void aQuotedFieldLongerThanTheParsersDefaultBuffer() throws IOException {
    int n = 17 << 20; // past 16 Mi characters, a common limit of CSV parsers' buffers
    StringBuilder big = new StringBuilder(n + 16).append("pos,\"");
    for (int i = 0; i < n / 2; i++) {
      big.append("w\n");
    }
    big.append("\"\nneg,x\n");
    Path f = write("huge.csv", big.toString());
    List<Document> docs = read(f, CSV);
    assertThat(docs.get(0).text()).hasSize(n - 1);
    assertThat(docs.get(1).location()).isEqualTo(f + ":" + (n / 2 + 2));
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

  /** Strings as UTF-8 and ints as single bytes, in order. */
  private static byte[] bytes(Object... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Object p : parts) {
      if (p instanceof Integer b) {
        out.write(b);
      } else {
        out.writeBytes(((String) p).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
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
