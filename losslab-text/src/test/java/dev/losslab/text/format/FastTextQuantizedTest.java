package dev.losslab.text.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code .ftz} layout on a hand-made quantized model ({@link #model}): written and read back field
 * for field, and hostile files — truncated anywhere, sizes that lie, flags out of range, a pruneidx out
 * of range or with a bucket twice, NaN centroids, random corruption — refused with one line naming the
 * file and the byte offset, never another exception.
 */
class FastTextQuantizedTest {
  @TempDir Path dir;

  /**
   * {@link Models#tiny}'s args and dictionary (3 words, 2 labels, bucket 4), buckets 2 and 0 kept as
   * rows 0 and 1; A: 5 rows of dim 3, dsub 2 (nsubq 2, lastdsub 1) with qnorm; B quantized (qout).
   */
  static FastTextQuantized model(boolean qout) {
    FastTextBinary t = Models.tiny();
    PruneIndex prune = PruneIndex.of(new int[] {2, 0}, new int[] {0, 1});
    float[] c = new float[3 * 256];
    for (int i = 0; i < c.length; i++) {
      c[i] = (i % 17 - 8) * 0.0625f;
    }
    float[] norms = new float[256];
    for (int i = 0; i < 256; i++) {
      norms[i] = i * 0.01f;
    }
    QuantizedMatrix a = new QuantizedMatrix(true, 5, 3,
        new byte[] {0, 1, 2, 3, (byte) 255, 4, 5, 6, 7, (byte) 200},
        new Codebook(3, 2, 2, 1, c), new byte[] {10, 20, 30, 40, (byte) 250},
        new Codebook(1, 1, 1, 1, norms));
    StoredMatrix b = qout
        ? new QuantizedMatrix(false, 2, 3, new byte[] {9, 8, 7, 6}, new Codebook(3, 2, 2, 1, c.clone()),
            new byte[0], null)
        : t.output();
    return new FastTextQuantized(t.args(), bytesOf(t.dictionary()), Optional.of(prune), a, b);
  }

  private static DictionaryBytes bytesOf(FastTextDictionary d) {
    int n = d.entries().size();
    byte[][] words = new byte[n][];
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      words[i] = d.entries().get(i).word().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      counts[i] = d.entries().get(i).count();
    }
    return new DictionaryBytes(d.nwords(), d.ntokens(), words, counts);
  }

  @Test
  void roundTripKeepsEveryFieldAndTheBytes() throws IOException {
    for (boolean qout : new boolean[] {true, false}) {
      FastTextQuantized m = model(qout);
      Path f = dir.resolve("m" + qout + ".ftz");
      m.write(f);
      FastTextQuantized r = (FastTextQuantized) FastTextFile.read(f);
      assertThat(r.args()).isEqualTo(m.args());
      assertThat(r.dictionary().toDictionary()).isEqualTo(m.dictionary().toDictionary());
      PruneIndex p = r.pruneIndex().orElseThrow();
      assertThat(p.rowOf(2)).isZero();
      assertThat(p.rowOf(0)).isEqualTo(1);
      assertThat(p.rowOf(1)).isEqualTo(-1);
      QuantizedMatrix a = r.input();
      assertThat(a.codes()).isEqualTo(m.input().codes());
      assertThat(a.codebook().centroids()).isEqualTo(m.input().codebook().centroids());
      assertThat(a.normCodes()).isEqualTo(m.input().normCodes());
      assertThat(r.qout()).isEqualTo(qout);
      // Row 1: code 2 of sub-vector 0 (two values), code 3 of the last (one value), times norm code 20.
      float[] row = new float[3];
      a.row(1, row);
      float n = a.norm(1);
      assertThat(n).isEqualTo(20 * 0.01f);
      float[] c = a.codebook().centroids();
      assertThat(row).containsExactly(n * c[2 * 2], n * c[2 * 2 + 1], n * c[2 * 256 + 3]);
      float[] x = {1f, 2f, 3f};
      assertThat(a.dotRow(x, 1)).isEqualTo((c[4] + 2f * c[5] + 3f * c[2 * 256 + 3]) * n);
      Path g = dir.resolve("again" + qout + ".ftz");
      r.write(g);
      assertThat(Files.readAllBytes(g)).isEqualTo(Files.readAllBytes(f));
      assertThatThrownBy(() -> FastTextBinary.read(f)).isInstanceOf(MalformedModelException.class)
          .hasMessageContaining("a quantized model (.ftz)");
    }
  }

  @Test
  void everyTruncationIsAClearError() throws IOException {
    byte[] all = bytes(model(true));
    Path t = dir.resolve("t.ftz");
    int dense = quantFlag(all) + 100; // every length up to the first centroids, then every 7th
    for (int len = 0; len < all.length; len += len < dense ? 1 : 7) {
      Files.write(t, Arrays.copyOf(all, len));
      assertThatThrownBy(() -> FastTextFile.read(t))
          .as("truncated to %d bytes", len)
          .isInstanceOf(MalformedModelException.class)
          .hasMessageStartingWith(t + ": ");
    }
  }

  /** Offset of the quant_input flag: after the header, args, dictionary and the 2 pruneidx pairs. */
  private static int quantFlag(byte[] all) {
    int p = 8 + 56 + 28;
    for (int i = 0; i < 5; i++) {
      while (all[p] != 0) {
        p++;
      }
      p += 1 + 9;
    }
    return p + 2 * 8;
  }

  @Test
  void lyingSizesFlagsAndValuesAreRefusedWithTheirOffset() throws IOException {
    byte[] all = bytes(model(true));
    int q = quantFlag(all);
    assertThat(all[q]).isEqualTo((byte) 1);
    int codes = q + 1 + 1 + 16;
    int book = codes + 4 + 10;
    int centroids = book + 16;
    int qoutFlag = centroids + 3 * 256 * 4 + 5 + 16 + 256 * 4;
    assertThat(all[qoutFlag]).isEqualTo((byte) 1);
    int pairs = q - 16;

    expect(patchByte(all, q + 1, 2), "invalid input matrix qnorm flag 2 (expected 0 or 1)");
    expect(patchLong(all, q + 2, 6), "input matrix has 6 rows, expected nwords (3) + pruneidx_size (2) = 5");
    expect(patchLong(all, q + 10, 4), "input matrix has 4 columns, expected dim (3)");
    expect(patchInt(all, codes, 11), "input matrix has 11 code bytes for 5 rows, not a whole number of"
        + " codes per row between 1 and dim (3)");
    expect(patchInt(all, codes, 20), "input matrix has 20 code bytes for 5 rows");
    expect(patchInt(all, book + 4, 1),
        "input matrix codebook: codebook of dim 3 and dsub 2 must have nsubq 2 and lastdsub 1, not 1 and 1");
    expect(patchInt(all, codes, Integer.MAX_VALUE), "input matrix claims 2147483647 code bytes but only");
    expect(patchInt(all, codes, -1), "input matrix claims -1 code bytes");
    expect(patchInt(all, book + 4, 3),
        "input matrix codebook: codebook of dim 3 and dsub 2 must have nsubq 2 and lastdsub 1, not 3 and 1");
    expect(patchInt(all, book + 8, 0), "input matrix codebook: codebook dim 3 and dsub 0 must be >= 1");
    expect(patchInt(all, book, 1 << 28), "input matrix codebook has dim 268435456, expected 3");
    expect(patchInt(all, centroids + 4 * 7, Float.floatToIntBits(Float.NaN)), "NaN");
    expect(patchInt(all, centroids, Float.floatToIntBits(Float.POSITIVE_INFINITY)), "Infinity");
    expect(patchByte(all, qoutFlag, 3), "invalid qout flag 3 (expected 0 or 1)");
    expect(patchInt(all, pairs, 4), "maps bucket 4 to row 0 (buckets are in [0, 4), rows in [0, 2))");
    expect(patchInt(all, pairs + 4, 2), "maps bucket 2 to row 2");
    expect(patchInt(all, pairs + 8, 2), "pruneidx bucket 2 appears twice (pairs 0 and 1)");
    expect(patchLong(all, 8 + 56 + 20, 5), "pruneidx claims 5 pairs, more than the 4 buckets of the model");
    expect(patchLong(all, 8 + 56 + 20, Long.MAX_VALUE / 4), "pruneidx claims");
    expect(patchByte(all, q, 0), "pruned dictionary (pruneidx_size 2) in a non-quantized model");
    expect(Arrays.copyOf(all, all.length + 2), "2 unexpected bytes after the output matrix");
  }

  private void expect(byte[] bytes, String message) throws IOException {
    Path f = dir.resolve("bad.ftz");
    Files.write(f, bytes);
    assertThatThrownBy(() -> FastTextFile.read(f)).isInstanceOf(MalformedModelException.class)
        .hasMessageStartingWith(f + ": ").hasMessageContaining(message);
  }

  @Test
  void randomCorruptionIsEitherReadOrReportedNeverCrashes() throws IOException {
    byte[] all = bytes(model(true));
    Random rnd = new Random(21);
    Path t = dir.resolve("fuzz.ftz");
    int headers = quantFlag(all) + 40;
    // half the changes land in the headers, where a wrong byte matters most
    int rejected = Corruption.rejected(all, t, 800, rnd,
        () -> rnd.nextBoolean() ? rnd.nextInt(all.length) : rnd.nextInt(headers), FastTextFile::read);
    assertThat(rejected).isGreaterThan(100);
  }

  @Test
  void recordsRejectPartsThatDoNotFit() {
    FastTextQuantized m = model(false);
    assertThatThrownBy(() -> new FastTextQuantized(m.args(), m.dictionary(), Optional.empty(), m.input(),
        m.output())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input matrix is 5 × 3, expected (nwords + bucket) × dim = 7 × 3");
    assertThatThrownBy(() -> new QuantizedMatrix(false, 5, 3, new byte[9], m.input().codebook(),
        new byte[0], null)).hasMessageContaining("needs 10 codes, got 9");
    assertThatThrownBy(() -> new Codebook(3, 2, 2, 2, new float[768]))
        .hasMessageContaining("must have nsubq 2 and lastdsub 1");
    assertThatThrownBy(() -> PruneIndex.of(new int[] {1, 1}, new int[] {0, 1}))
        .hasMessageContaining("pruneidx bucket 1 appears twice");
  }

  private byte[] bytes(FastTextQuantized m) throws IOException {
    Path f = dir.resolve("src.ftz");
    m.write(f);
    return Files.readAllBytes(f);
  }

  private static byte[] patchByte(byte[] b, int at, int v) {
    byte[] c = b.clone();
    c[at] = (byte) v;
    return c;
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
