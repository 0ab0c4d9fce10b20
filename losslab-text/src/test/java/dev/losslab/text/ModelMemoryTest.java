package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelMemoryTest {

  @Test
  void theMatricesDominateAndASecondThreadAddsItsCopyOfTheOutput() {
    long one = ModelMemory.trainingBytes(2_000_000, 735, 100, 1);
    assertThat(one).isBetween(2_000_000L * 100 * 4, 2_000_000L * 100 * 4 + 2_000_000);
    long two = ModelMemory.trainingBytes(2_000_000, 735, 100, 2);
    assertThat(two - one).isGreaterThanOrEqualTo(2 * OutputReplica.bytes(735, 100));
  }

  @Test
  void aModelThatFitsPassesAndOneThatDoesNotIsRefusedWithTheRemedy() {
    Args args = Args.builder().dim(100).bucket(2_000_000).wordNgrams(2).thread(2).build();
    long gb = 1L << 30;
    ModelMemory.check(gb, 2_000_000, 735, args, 4 * gb, gb); // 1 GB of the 3 GB left
    assertThatThrownBy(() -> ModelMemory.check(3 * gb, 2_000_000, 735, args, 4 * gb, 2 * gb))
        .isInstanceOf(ModelMemory.ModelTooLarge.class)
        .hasMessage("the model needs 3.0 GB (3,221,225,472 bytes) of heap to train (input matrix"
            + " 2,000,000 rows × 100, output matrix 735 rows × 100, 2 threads) but the JVM's heap is"
            + " 4.0 GB (4,294,967,296 bytes) with 2.0 GB (2,147,483,648 bytes) in use; give it more"
            + " with LOSSLAB_JAVA_OPTS=-Xmx7g, or use a smaller -bucket (now 2000000) or -dim (now 100)");
  }

  @Test
  void trainingRefusesBeforeAllocating() {
    // four input rows and two output rows of 200,000,000 floats, their scratch and the saved copy:
    // about 9 GB, more than the heap of a test JVM on a machine of less than 36 GB
    Args args = Args.builder().dim(200_000_000).thread(1).build();
    TrainingData data = Fixtures.read("__label__a x y\n__label__b y z\n", args);
    long need = ModelMemory.trainingBytes(data.dictionary().inputRows(), 2, args.dim(), 1);
    org.junit.jupiter.api.Assumptions.assumeTrue(need > Runtime.getRuntime().maxMemory(),
        "the heap (" + Runtime.getRuntime().maxMemory() + " bytes) holds the model");
    assertThatThrownBy(() -> Trainer.train(args, data,
        Heads.create(args, data.dictionary().labelCounts()), null))
        .isInstanceOf(ModelMemory.ModelTooLarge.class)
        .hasMessageContaining("input matrix 4 rows × 200000000")
        .hasMessageContaining("LOSSLAB_JAVA_OPTS=-Xmx");
  }
}
