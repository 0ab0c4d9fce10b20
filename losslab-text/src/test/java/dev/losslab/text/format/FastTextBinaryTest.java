package dev.losslab.text.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastTextBinaryTest {
  @TempDir Path dir;

  @Test
  void roundTripKeepsEveryField() throws IOException {
    FastTextBinary m = Models.tiny();
    Path f = dir.resolve("m.bin");
    m.write(f);
    FastTextBinary r = FastTextBinary.read(f);
    assertThat(r.args()).isEqualTo(m.args());
    assertThat(r.dictionary()).isEqualTo(m.dictionary());
    assertThat(r.qout()).isFalse();
    assertThat(r.input().data()).containsExactly(m.input().data());
    assertThat(r.output().data()).containsExactly(m.output().data());
    Path g = dir.resolve("again.bin");
    r.write(g);
    assertThat(Files.readAllBytes(g)).isEqualTo(Files.readAllBytes(f));
  }

  @Test
  void bytesFollowTheFastTextLayout() throws IOException {
    Path f = dir.resolve("m.bin");
    Models.tiny().write(f);
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(Arrays.copyOf(b.array(), 4)).containsExactly(0xBA, 0x16, 0x4F, 0x2F);
    assertThat(b.getInt(4)).isEqualTo(12);
    assertThat(b.getInt(8)).isEqualTo(3); // dim
    assertThat(b.getInt(8 + 6 * 4)).isEqualTo(3); // loss softmax
    assertThat(b.getInt(8 + 7 * 4)).isEqualTo(3); // model sup
    assertThat(b.getDouble(8 + 12 * 4)).isEqualTo(1e-4);
    int d = 8 + 56;
    assertThat(b.getInt(d)).isEqualTo(5);
    assertThat(b.getInt(d + 4)).isEqualTo(3);
    assertThat(b.getInt(d + 8)).isEqualTo(2);
    assertThat(b.getLong(d + 12)).isEqualTo(42);
    assertThat(b.getLong(d + 20)).isEqualTo(-1);
    int entries = (4 + 1 + 9) + ("crème".getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1 + 9)
        + ("brûlée".getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1 + 9) + 2 * (10 + 1 + 9);
    int q = d + 28 + entries;
    assertThat(b.get(q)).isEqualTo((byte) 0);
    assertThat(b.getLong(q + 1)).isEqualTo(7);
    assertThat(b.getLong(q + 9)).isEqualTo(3);
    assertThat(b.getFloat(q + 17)).isEqualTo(-1.25f);
    int out = q + 17 + 21 * 4;
    assertThat(b.get(out)).isEqualTo((byte) 0);
    assertThat(b.getLong(out + 1)).isEqualTo(2);
    assertThat(b.capacity()).isEqualTo(out + 17 + 6 * 4);
  }

  @Test
  void everyTruncationIsAClearError() throws IOException {
    Path f = dir.resolve("m.bin");
    Models.tiny().write(f);
    byte[] all = Files.readAllBytes(f);
    Path t = dir.resolve("t.bin");
    for (int len = 0; len < all.length; len++) {
      Files.write(t, Arrays.copyOf(all, len));
      assertThatThrownBy(() -> FastTextBinary.read(t))
          .as("truncated to %d bytes", len)
          .isInstanceOf(MalformedModelException.class)
          .hasMessageStartingWith(t.toString() + ": ");
    }
  }

  @Test
  void truncationInsideAMatrixSaysHowManyBytesAreMissing() throws IOException {
    byte[] all = bytesOf(Models.tiny());
    Path t = dir.resolve("t.bin");
    Files.write(t, Arrays.copyOf(all, all.length - 60));
    assertThatThrownBy(() -> FastTextBinary.read(t))
        .hasMessageContaining("input matrix of 7 × 3 floats needs 84 bytes");
  }

  @Test
  void wrongMagicAndVersion() throws IOException {
    byte[] all = bytesOf(Models.tiny());
    assertThatThrownBy(() -> read(patchInt(all, 0, 0x12345678)))
        .hasMessageContaining("not a fastText model: magic number 0x12345678, expected 0x2F4F16BA");
    assertThatThrownBy(() -> read(patchInt(all, 4, 11)))
        .hasMessageContaining("unsupported fastText model version 11");
    assertThatThrownBy(() -> read("hello, world\n".getBytes()))
        .hasMessageContaining("not a fastText model");
  }

  @Test
  void hostileSizesFailBeforeAllocating() throws IOException {
    byte[] all = bytesOf(Models.tiny());
    int d = 8 + 56;
    assertThatThrownBy(() -> read(patchInt(all, d, Integer.MAX_VALUE)))
        .hasMessageContaining("invalid dictionary header");
    byte[] huge = patchInt(patchInt(patchInt(all, d, Integer.MAX_VALUE), d + 4, Integer.MAX_VALUE - 2), d + 8, 2);
    assertThatThrownBy(() -> read(huge)).hasMessageContaining("dictionary claims 2147483647 entries");
    assertThatThrownBy(() -> read(patchInt(all, d, -1))).hasMessageContaining("invalid dictionary header");
    assertThatThrownBy(() -> read(patchInt(all, 8, 0))).hasMessageContaining("dim (0) must be >= 1");
    assertThatThrownBy(() -> read(patchInt(all, 8 + 6 * 4, 9))).hasMessageContaining("unknown loss code 9");
    assertThatThrownBy(() -> read(patchInt(all, 8 + 7 * 4, 0))).hasMessageContaining("unknown model code 0");
    // bucket so large that A would need terabytes: rejected by the row check or the size check
    assertThatThrownBy(() -> read(patchInt(all, 8 + 8 * 4, Integer.MAX_VALUE)))
        .isInstanceOf(MalformedModelException.class).hasMessageContaining("input matrix has 7 rows");
    int q = inputHeader(all);
    assertThatThrownBy(() -> read(patchLong(all, q + 1, 1L << 40)))
        .hasMessageContaining("input matrix has 1099511627776 rows");
    assertThatThrownBy(() -> read(patchLong(all, q + 1, -7)))
        .hasMessageContaining("negative size -7 × 3");
    assertThatThrownBy(() -> read(patchLong(all, q + 9, Long.MAX_VALUE)))
        .hasMessageContaining("input matrix has 9223372036854775807 columns, expected dim (3)");
  }

  @Test
  void hugeConsistentMatrixIsCheckedAgainstTheFileLength() throws IOException {
    // A file whose header is self-consistent but claims 2e9 rows of A: must not allocate 24 GB.
    FastTextArgs args = new FastTextArgs(3, 5, 7, 1, 5, 2, FastTextArgs.LossName.SOFTMAX,
        FastTextArgs.ModelName.SUP, 2_000_000_000, 0, 0, 100, 1e-4);
    byte[] all = bytesOf(Models.tiny());
    byte[] hostile = patchInt(all, 8 + 8 * 4, args.bucket());
    hostile = patchLong(hostile, inputHeader(all) + 1, 2_000_000_003L);
    byte[] h = hostile;
    assertThatThrownBy(() -> read(h))
        .hasMessageContaining("input matrix of 2000000003 × 3 floats needs 24000000036 bytes");
  }

  @Test
  void wordWithoutNulAndBadTypes() throws IOException {
    byte[] all = bytesOf(Models.tiny());
    int d = 8 + 56 + 28;
    // One entry whose word runs to the end of the file.
    byte[] noNul = Arrays.copyOf(patchInt(patchInt(patchInt(all, d - 28, 1), d - 24, 1), d - 20, 0), d + 30);
    Arrays.fill(noNul, d, noNul.length, (byte) 'x');
    assertThatThrownBy(() -> read(noNul))
        .hasMessageContaining("dictionary entry 0 of 1: word has no terminating NUL byte");
    byte[] badType = all.clone();
    badType[d + 4 + 1 + 8] = 1; // </s> marked as a label
    assertThatThrownBy(() -> read(badType)).hasMessageContaining("dictionary entry 0 ('</s>') has type 1");
    byte[] badType2 = all.clone();
    badType2[d + 4 + 1 + 8] = 7;
    assertThatThrownBy(() -> read(badType2)).hasMessageContaining("has type 7");
    byte[] empty = all.clone();
    empty[d] = 0;
    assertThatThrownBy(() -> read(empty)).isInstanceOf(MalformedModelException.class);
  }

  @Test
  void quantizedPrunedNaNAndTrailingBytes() throws IOException {
    byte[] all = bytesOf(Models.tiny());
    int q = inputHeader(all);
    byte[] quant = all.clone();
    quant[q] = 1;
    assertThatThrownBy(() -> read(quant)).hasMessageContaining("a quantized model (.ftz): this reader"
        + " takes dense .bin models only (FastTextFile.read and ModelFiles.load read both)");
    byte[] flag = all.clone();
    flag[q] = 5;
    assertThatThrownBy(() -> read(flag)).hasMessageContaining("invalid quant_input flag 5");
    byte[] pruned = patchLong(all, 8 + 56 + 20, 0);
    assertThatThrownBy(() -> read(pruned)).hasMessageContaining("pruned dictionary");
    byte[] prunedHuge = patchLong(all, 8 + 56 + 20, Long.MAX_VALUE / 4);
    assertThatThrownBy(() -> read(prunedHuge)).hasMessageContaining("pruneidx claims");
    byte[] nan = patchInt(all, q + 17 + 4 * 4, Float.floatToIntBits(Float.NaN));
    assertThatThrownBy(() -> read(nan)).hasMessageContaining("input matrix value at row 1, column 1 is NaN");
    byte[] trailing = Arrays.copyOf(all, all.length + 3);
    assertThatThrownBy(() -> read(trailing)).hasMessageContaining("3 unexpected bytes after the output matrix");
  }

  @Test
  void randomCorruptionIsEitherReadOrReportedNeverCrashes() throws IOException {
    byte[] all = bytesOf(Models.tiny());
    Random rnd = new Random(12);
    Path t = dir.resolve("fuzz.bin");
    int rejected = Corruption.rejected(all, t, 1500, rnd, () -> rnd.nextInt(all.length),
        FastTextBinary::read);
    assertThat(rejected).isGreaterThan(100);
  }

  @Test
  void recordRejectsInconsistentShapes() {
    FastTextBinary m = Models.tiny();
    assertThatThrownBy(() -> new FastTextBinary(m.args(), m.dictionary(), m.output(), false, m.output()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input matrix is 2 × 3, expected (nwords + bucket) × dim = 7 × 3");
    assertThatThrownBy(() -> new FastTextDictionary(1, 0, 0, List.of(
        new FastTextDictionary.Entry("__label__x", 1, FastTextDictionary.EntryType.LABEL))))
        .hasMessageContaining("is a label but entries 0..0 must be words");
    assertThatThrownBy(() -> new FastTextDictionary.Entry("a\0b", 1, FastTextDictionary.EntryType.WORD))
        .hasMessageContaining("must be non-empty and contain no NUL");
  }

  @Test
  void argsDumpLooksLikeFastText() {
    assertThat(Models.tiny().args().dump()).isEqualTo(
        "dim 3\nws 5\nepoch 7\nminCount 1\nneg 5\nwordNgrams 2\nloss softmax\nmodel sup\n"
            + "bucket 4\nminn 0\nmaxn 0\nlrUpdateRate 100\nt 0.0001\n");
    assertThat(FastTextArgs.cppDefault(1e-5)).isEqualTo("1e-05");
    assertThat(FastTextArgs.cppDefault(0.5)).isEqualTo("0.5");
    assertThat(FastTextArgs.cppDefault(1234567)).isEqualTo("1.23457e+06");
    assertThat(FastTextArgs.cppDefault(100)).isEqualTo("100");
    assertThat(Models.tiny().dictionary().dump()).startsWith("5\n</s> 10 word\ncrème 4 word\n")
        .endsWith("__label__b 4 label\n");
  }

  @Test
  void missingFileIsAnIOException() {
    assertThatThrownBy(() -> FastTextBinary.read(dir.resolve("nope.bin")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  private int inputHeader(byte[] all) {
    // quant flag offset: after header, args, dictionary
    int p = 8 + 56 + 28;
    for (int i = 0; i < 5; i++) {
      while (all[p] != 0) {
        p++;
      }
      p += 1 + 9;
    }
    return p;
  }

  private byte[] bytesOf(FastTextBinary m) throws IOException {
    Path f = dir.resolve("src.bin");
    m.write(f);
    return Files.readAllBytes(f);
  }

  private FastTextBinary read(byte[] bytes) throws IOException {
    Path f = dir.resolve("x.bin");
    Files.write(f, bytes);
    return FastTextBinary.read(f);
  }

  private static byte[] patchInt(byte[] b, int at, int v) {
    byte[] c = b.clone();
    ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
    return c;
  }

  private static byte[] patchLong(byte[] b, int at, long v) {
    byte[] c = b.clone();
    ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putLong(at, v);
    return c;
  }
}
