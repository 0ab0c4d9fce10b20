package dev.losslab.text.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a model from a {@link DictionaryEntries} view instead of a {@link FastTextDictionary}. */
class DictionaryEntriesTest {
  @TempDir Path dir;

  /** Entries held as byte arrays, as a trained vocabulary holds them. */
  private record Bytes(int nwords, int nlabels, long ntokens, byte[][] words, long[] counts)
      implements DictionaryEntries {
    @Override public byte[] wordBytes(int id) { return words[id]; }
    @Override public long count(int id) { return counts[id]; }
  }

  private static Bytes bytesOf(FastTextDictionary d) {
    byte[][] w = new byte[d.size()][];
    long[] c = new long[d.size()];
    for (int i = 0; i < d.size(); i++) {
      w[i] = d.entries().get(i).word().getBytes(StandardCharsets.UTF_8);
      c[i] = d.entries().get(i).count();
    }
    return new Bytes(d.nwords(), d.nlabels(), d.ntokens(), w, c);
  }

  private static void write(Path f, FastTextBinary m, DictionaryEntries d) throws IOException {
    FastTextBinary.write(f, m.args(), d, m.input(), m.qout(), m.output());
  }

  @Test
  void aViewWritesTheSameBytesAsTheRecord() throws IOException {
    FastTextBinary m = Models.tiny();
    Path viaRecord = dir.resolve("record.bin");
    Path viaView = dir.resolve("view.bin");
    m.write(viaRecord);
    write(viaView, m, bytesOf(m.dictionary()));
    assertThat(Files.readAllBytes(viaView)).isEqualTo(Files.readAllBytes(viaRecord));
    assertThat(FastTextBinary.read(viaView).dictionary()).isEqualTo(m.dictionary());
  }

  @Test
  void theRecordIsAViewOfItself() {
    FastTextDictionary d = Models.tiny().dictionary();
    assertThat(d.wordBytes(1)).isEqualTo("crème".getBytes(StandardCharsets.UTF_8));
    assertThat(d.count(1)).isEqualTo(4);
    assertThat(d.count(4)).isEqualTo(4);
  }

  @Test
  void aNulByteOrAnEmptyWordFailsAndLeavesTheTargetAlone() throws IOException {
    FastTextBinary m = Models.tiny();
    Path f = dir.resolve("m.bin");
    Files.writeString(f, "old");
    Bytes nul = bytesOf(m.dictionary());
    nul.words()[2] = new byte[] {'a', 0, 'b'};
    assertThatThrownBy(() -> write(f, m, nul))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dictionary entry 2 must be non-empty and contain no NUL byte");
    Bytes empty = bytesOf(m.dictionary());
    empty.words()[3] = new byte[0];
    assertThatThrownBy(() -> write(f, m, empty))
        .hasMessage("dictionary entry 3 must be non-empty and contain no NUL byte");
    Bytes negative = bytesOf(m.dictionary());
    negative.counts()[0] = -1;
    assertThatThrownBy(() -> write(f, m, negative))
        .hasMessage("count (-1) of dictionary entry 0 must be >= 0");
    assertThat(Files.readString(f)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }

  @Test
  void shapesAndCountsAreCheckedBeforeWriting() {
    FastTextBinary m = Models.tiny();
    Path f = dir.resolve("m.bin");
    Bytes d = bytesOf(m.dictionary());
    Bytes fewerWords = new Bytes(2, 3, d.ntokens(), d.words(), d.counts());
    assertThatThrownBy(() -> write(f, m, fewerWords))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("input matrix is 7 × 3, expected (nwords + bucket) × dim = 6 × 3");
    Bytes negative = new Bytes(3, 2, -5, d.words(), d.counts());
    assertThatThrownBy(() -> write(f, m, negative))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ntokens (-5) must be >= 0");
    assertThat(Files.exists(f)).isFalse();
  }
}
