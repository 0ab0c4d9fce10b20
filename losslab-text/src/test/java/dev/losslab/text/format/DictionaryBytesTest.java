package dev.losslab.text.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FastTextBinary#readCompact}: the dictionary as the stored bytes, with the same checks and
 * messages as {@link FastTextBinary#read}, and the same model once decoded.
 */
class DictionaryBytesTest {
  @TempDir Path dir;

  private byte[] bytesOf(FastTextBinary m) throws IOException {
    Path f = dir.resolve("src.bin");
    m.write(f);
    return Files.readAllBytes(f);
  }

  @Test
  void compactReadHoldsTheStoredBytesAndDecodesToTheRecord() throws IOException {
    FastTextBinary m = Models.tiny();
    Path f = dir.resolve("m.bin");
    m.write(f);
    FastTextBinary.Compact c = FastTextBinary.readCompact(f);
    DictionaryBytes d = c.dictionary();
    assertThat(d.size()).isEqualTo(5);
    assertThat(d.nwords()).isEqualTo(3);
    assertThat(d.nlabels()).isEqualTo(2);
    assertThat(d.ntokens()).isEqualTo(42);
    for (int i = 0; i < d.size(); i++) {
      assertThat(d.wordBytes(i)).as("entry %d", i).isEqualTo(m.dictionary().wordBytes(i));
      assertThat(d.count(i)).as("entry %d", i).isEqualTo(m.dictionary().count(i));
    }
    assertThat(d.toDictionary()).isEqualTo(m.dictionary());
    FastTextBinary b = c.toBinary();
    assertThat(b.args()).isEqualTo(m.args());
    assertThat(b.dictionary()).isEqualTo(m.dictionary());
    assertThat(b.input().data()).isEqualTo(m.input().data());
    assertThat(b.output().data()).isEqualTo(m.output().data());
    assertThat(b.qout()).isEqualTo(m.qout());
    assertThat(FastTextBinary.read(f).dictionary()).isEqualTo(m.dictionary());
  }

  @Test
  void bytesThatAreNotUtf8AreKeptAsStored() throws IOException {
    byte[] all = bytesOf(Models.tiny());
    byte[] creme = "crème".getBytes(StandardCharsets.UTF_8);
    int at = indexOf(all, creme);
    byte[] bad = all.clone();
    bad[at + 3] = (byte) 0xFF; // the second byte of 'è': now an invalid sequence
    Path f = dir.resolve("bad.bin");
    Files.write(f, bad);
    byte[] stored = Arrays.copyOfRange(bad, at, at + creme.length);
    assertThat(FastTextBinary.readCompact(f).dictionary().wordBytes(1)).isEqualTo(stored);
    assertThat(FastTextBinary.read(f).dictionary().entries().get(1).word()).contains("\uFFFD");
  }

  @Test
  void everyTruncationFailsWithTheSameMessageAsTheRecordRead() throws IOException {
    byte[] all = bytesOf(Models.tiny());
    Path t = dir.resolve("t.bin");
    for (int len = 0; len < all.length; len++) {
      Files.write(t, Arrays.copyOf(all, len));
      Throwable compact = catchThrowable(() -> FastTextBinary.readCompact(t));
      Throwable record = catchThrowable(() -> FastTextBinary.read(t));
      assertThat(compact).as("truncated to %d bytes", len).isInstanceOf(MalformedModelException.class);
      assertThat(compact).as("truncated to %d bytes", len).hasMessage(record.getMessage());
    }
  }

  @Test
  void randomCorruptionGivesTheSameResultBothWays() throws IOException {
    byte[] all = bytesOf(Models.tiny());
    Random rnd = new Random(29);
    Path t = dir.resolve("fuzz.bin");
    int read = 0;
    int rejected = 0;
    for (int trial = 0; trial < 1500; trial++) {
      byte[] c = all.clone();
      int flips = 1 + rnd.nextInt(4);
      for (int i = 0; i < flips; i++) {
        c[rnd.nextInt(c.length)] = (byte) rnd.nextInt(256);
      }
      Files.write(t, c);
      FastTextBinary record;
      try {
        record = FastTextBinary.read(t);
      } catch (MalformedModelException e) {
        rejected++;
        assertThat(catchThrowable(() -> FastTextBinary.readCompact(t)))
            .as("trial %d", trial).isInstanceOf(MalformedModelException.class)
            .hasMessage(e.getMessage());
        continue;
      }
      read++;
      FastTextBinary.Compact compact = FastTextBinary.readCompact(t);
      for (int i = 0; i < compact.dictionary().size(); i++) {
        assertThat(compact.dictionary().count(i)).isEqualTo(record.dictionary().count(i));
      }
      FastTextBinary decoded = compact.toBinary();
      assertThat(decoded.args()).isEqualTo(record.args());
      assertThat(decoded.dictionary()).isEqualTo(record.dictionary());
      assertThat(decoded.qout()).isEqualTo(record.qout());
      assertThat(decoded.input().data()).isEqualTo(record.input().data());
      assertThat(decoded.output().data()).isEqualTo(record.output().data());
    }
    assertThat(rejected).isGreaterThan(100);
    assertThat(read).isGreaterThan(100);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
