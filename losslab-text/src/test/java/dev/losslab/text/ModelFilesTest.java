package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ModelFiles#save} writes the dictionary from the vocabulary's bytes; the file must be the one
 * the record path ({@link ModelFiles#toBinary}) writes, and a fastText model loaded and saved again
 * must come out as fastText wrote it.
 */
class ModelFilesTest {
  @TempDir Path dir;

  @Test
  void saveWritesTheSameBytesAsTheRecordPath() throws IOException {
    String data = "__label__a crème brûlée 日本 x\n__label__b café x y\n__label__a brûlée y\n";
    Args args = Args.builder().thread(1).seed(3).dim(4).wordNgrams(2).bucket(50).epoch(2).build();
    TrainingData d = Fixtures.read(data, args);
    TextClassifier c = Trainer.train(args, d, Heads.create(args, d.dictionary().labelCounts()), null);
    Path direct = dir.resolve("direct.bin");
    Path record = dir.resolve("record.bin");
    ModelFiles.save(c, direct);
    ModelFiles.toBinary(c).write(record);
    assertThat(Files.readAllBytes(direct)).isEqualTo(Files.readAllBytes(record));
    byte[] bytes = Files.readAllBytes(direct);
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
        .contains(new String("brûlée\0".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    TextClassifier back = ModelFiles.load(direct);
    assertThat(back.dictionary().size()).isEqualTo(c.dictionary().size());
    for (int i = 0; i < c.dictionary().size(); i++) {
      assertThat(back.dictionary().wordBytes(i)).isEqualTo(c.dictionary().wordBytes(i));
      assertThat(back.dictionary().count(i)).isEqualTo(c.dictionary().count(i));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"softmax", "ova", "hs", "ns"})
  void aFastTextModelSavedAgainIsByteForByteTheSame(String loss) throws IOException {
    Path original = Fixtures.resource(loss + ".bin");
    Path again = dir.resolve(loss + ".bin");
    ModelFiles.save(ModelFiles.load(original), again);
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(original));
  }
}
