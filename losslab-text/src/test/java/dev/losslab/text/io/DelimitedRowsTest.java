package dev.losslab.text.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DelimitedRowsTest {
  private static final Path FILE = Path.of("rows.csv");
  private static final DelimitedRows.Dialect CSV = DelimitedRows.Dialect.csv();

  @Test
  void csvRowsFieldsAndLines() throws IOException {
    List<String> rows = rows("a,\"b,\"\"c\"\"\"\r\n\r\n\"x\ny\",\n", CSV);
    assertThat(rows).containsExactly("1[a|b,\"c\"]", "2[]", "3[x\ny|]");
  }

  @Test
  void linesDialectEndsRowsAtCrAndKeepsQuotes() throws IOException {
    List<String> rows = rows("1;\"2\r3;4\r\n\r5\n", DelimitedRows.Dialect.lines(';'));
    assertThat(rows).containsExactly("1[1|\"2]", "2[3|4]", "3[]", "4[5]");
  }

  @Test
  void tsvKeepsALoneCrInTheField() throws IOException {
    assertThat(rows("a\rb\tc\r\nd\n", DelimitedRows.Dialect.tsv())).containsExactly("1[a\rb|c]", "2[d]");
  }

  @Test
  void strictAndReplacingDecoding() throws IOException {
    byte[] in = {'o', 'k', ',', 'c', 'a', 'f', (byte) 0xE9, '\n'};
    try (DelimitedRows r = DelimitedRows.open(new ByteArrayInputStream(in), FILE, CSV, StandardCharsets.UTF_8)) {
      assertThat(r.next()).isTrue();
      assertThat(r.field(0)).isEqualTo("ok");
      assertThatThrownBy(() -> r.field(1)).isInstanceOf(CharacterCodingException.class);
      assertThat(r.fieldReplacingInvalid(1)).isEqualTo("caf\uFFFD");
      assertThat(r.isEmpty(0)).isFalse();
      assertThatThrownBy(() -> r.field(2)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThat(r.next()).isFalse();
    }
    try (DelimitedRows r = DelimitedRows.open(new ByteArrayInputStream(in), FILE, CSV, StandardCharsets.ISO_8859_1)) {
      assertThat(r.next()).isTrue();
      assertThat(r.field(1)).isEqualTo("caf\u00e9");
    }
  }

  @Test
  void dialectsAreChecked() {
    assertThatThrownBy(() -> new DelimitedRows.Dialect('"', true, false))
        .hasMessage("delimiter '\"' must be an ASCII character other than CR, LF and the quote");
    assertThatThrownBy(() -> DelimitedRows.Dialect.lines('\u00a7'))
        .hasMessage("delimiter '\u00a7' must be an ASCII character other than CR and LF");
    assertThatThrownBy(() -> DelimitedRows.Dialect.lines('\n')).isInstanceOf(IllegalArgumentException.class);
    assertThat(DelimitedRows.Dialect.lines('"').quoted()).isFalse();
  }

  @Test
  void lineBreaksAtTheEdgeOfTheReadBuffer() throws IOException {
    // the reader takes the file in 64 KiB pieces: a CR as the last byte of the first piece
    String head = "a," + "x".repeat((1 << 16) - 3);
    Path dir = Files.createTempDirectory("rows");
    try {
      Path crlf = dir.resolve("crlf.csv");
      Files.writeString(crlf, head + "\r\nb,y\n");
      assertThat(rows(crlf, CSV)).hasSize(2).last().isEqualTo("2[b|y]");
      Path lone = dir.resolve("lone.csv");
      Files.writeString(lone, head + "\rz\nb,y\n");
      assertThat(rows(lone, CSV)).hasSize(2).first().asString().endsWith("x\rz]");
      Path quote = dir.resolve("quote.csv");
      Files.writeString(quote, "a,\"" + "x".repeat((1 << 16) - 4) + "\"q\n");
      assertThatThrownBy(() -> rows(quote, CSV)).hasMessage(quote + ":1: unexpected 'q' after the "
          + "closing quote of column 2 (a quote inside a quoted field is written \"\")");
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  @Test
  void closingClosesTheStream() throws IOException {
    boolean[] closed = {false};
    InputStream in = new ByteArrayInputStream("a\n".getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    DelimitedRows.open(in, FILE, CSV, StandardCharsets.UTF_8).close();
    assertThat(closed[0]).isTrue();
  }

  /** The rows, or the error, do not depend on how the input stream hands out its bytes. */
  @Property(tries = 400, seed = "20261201")
  void rowsDoNotDependOnHowTheBytesArrive(@ForAll("inputs") byte[] input,
      @ForAll @IntRange(min = 1, max = 7) int piece, @ForAll @IntRange(min = 0, max = 2) int dialect) {
    DelimitedRows.Dialect d = List.of(CSV, DelimitedRows.Dialect.tsv(), DelimitedRows.Dialect.lines(',')).get(dialect);
    assertThat(outcome(new ByteArrayInputStream(input), d))
        .isEqualTo(outcome(new Trickle(input, piece), d));
  }

  @Provide
  Arbitrary<byte[]> inputs() {
    byte[][] pieces = {{'a'}, {','}, {'"'}, {'\n'}, {'\r'}, {'\t'}, {(byte) 0xC3, (byte) 0xA9},
        {(byte) 0xFF}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}};
    return Arbitraries.integers().between(0, pieces.length - 1).list().ofMaxSize(40).map(list -> {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      list.forEach(i -> out.writeBytes(pieces[i]));
      return out.toByteArray();
    });
  }

  private static String outcome(InputStream in, DelimitedRows.Dialect dialect) {
    try {
      return rows(in, FILE, dialect).toString();
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  private static List<String> rows(String input, DelimitedRows.Dialect dialect) throws IOException {
    return rows(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), FILE, dialect);
  }

  private static List<String> rows(Path file, DelimitedRows.Dialect dialect) throws IOException {
    return rows(Files.newInputStream(file), file, dialect);
  }

  private static List<String> rows(InputStream in, Path name, DelimitedRows.Dialect dialect)
      throws IOException {
    try (DelimitedRows r = DelimitedRows.open(in, name, dialect, StandardCharsets.UTF_8)) {
      List<String> out = new ArrayList<>();
      while (r.next()) {
        out.add(r.line() + describe(r));
      }
      return out;
    }
  }

  /** The row as {@code [f1|f2|...]}; an empty line is {@code []}. */
  private static String describe(DelimitedRows r) {
    String[] f = new String[r.fields()];
    for (int i = 0; i < f.length; i++) {
      f[i] = r.fieldReplacingInvalid(i);
    }
    return Arrays.toString(f).replace(", ", "|");
  }

  /** Hands out at most {@code piece} bytes per read. */
  private static final class Trickle extends ByteArrayInputStream {
    private final int piece;

    Trickle(byte[] bytes, int piece) {
      super(bytes);
      this.piece = piece;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, piece));
    }
  }
}
