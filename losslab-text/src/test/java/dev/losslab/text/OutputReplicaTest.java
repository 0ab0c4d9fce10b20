package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputReplicaTest {

  @Test
  void aSyncAddsWhatEachThreadChangedAndHandsBackTheSum() {
    Model shared = new Model(2, new float[4], new float[] {1, 2, 3, 4});
    Object lock = new Object();
    OutputReplica a = new OutputReplica(shared, lock);
    OutputReplica b = new OutputReplica(shared, lock);
    a.refresh();
    b.refresh();
    assertThat(a.model().outputRow(1)).containsExactly(3, 4);
    assertThat(a.model().input()).isSameAs(shared.input()); // A is shared
    a.model().outputRow(0)[0] += 0.5f;
    b.model().outputRow(0)[0] += 0.25f;
    b.model().outputRow(1)[1] -= 1f;
    assertThat(shared.outputRow(0)).containsExactly(1, 2); // nothing shared until a sync
    a.sync();
    assertThat(shared.outputRow(0)).containsExactly(1.5f, 2);
    b.sync();
    assertThat(shared.outputRow(0)).containsExactly(1.75f, 2);
    assertThat(shared.outputRow(1)).containsExactly(3, 3);
    assertThat(b.model().outputRow(0)).containsExactly(1.75f, 2); // b now sees a's change
    a.sync(); // nothing new from a: a only takes b's change
    assertThat(shared.outputRow(0)).containsExactly(1.75f, 2);
    assertThat(a.model().outputRow(1)).containsExactly(3, 3);
  }

  @Test
  void syncsEveryIntervalExamples() {
    Model shared = new Model(1, new float[1], new float[1]);
    OutputReplica r = new OutputReplica(shared, new Object());
    r.refresh();
    for (int i = 1; i < OutputReplica.INTERVAL; i++) {
      r.model().outputRow(0)[0] += 1f;
      r.afterExample();
    }
    assertThat(shared.outputRow(0)[0]).isZero();
    r.model().outputRow(0)[0] += 1f;
    r.afterExample();
    assertThat(shared.outputRow(0)[0]).isEqualTo(OutputReplica.INTERVAL);
  }

  @Test
  void denseHeadsAndSmallOutputsAreReplicatedWithTwoThreads() {
    Head softmax = Heads.create(Args.builder().build(), new long[] {3, 2, 1});
    Head ns = Heads.create(Args.builder().loss("ns").build(), counts(735));
    Head hs = Heads.create(Args.builder().loss("hs").build(), counts(735));
    Head smallHs = Heads.create(Args.builder().loss("hs").build(), counts(2));
    assertThat(Trainer.replicatedOutput(1, softmax, 735, 100)).isFalse();
    assertThat(Trainer.replicatedOutput(2, softmax, 735, 100)).isTrue();
    assertThat(Trainer.replicatedOutput(2, ns, 735, 100)).isFalse();
    assertThat(Trainer.replicatedOutput(2, hs, 734, 100)).isFalse();
    assertThat(Trainer.replicatedOutput(2, smallHs, 1, 100)).isTrue();
    // over the budget: a million labels of dim 100 in two threads
    assertThat(Trainer.replicatedOutput(2, softmax, 1_000_000, 100)).isFalse();
  }

  private static long[] counts(int n) {
    long[] c = new long[n];
    java.util.Arrays.fill(c, 1);
    return c;
  }
}
