package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThreadsTest {
  @Test
  void everyTaskRunsOnceOnAThreadOfItsOwnAndOneRunsOnTheCaller() {
    ConcurrentLinkedQueue<String> ran = new ConcurrentLinkedQueue<>();
    Threads.run(4, "t", k -> ran.add(k + " " + Thread.currentThread().getName()));
    assertThat(ran).containsExactlyInAnyOrder("0 t-0", "1 t-1", "2 t-2", "3 t-3");
    Thread[] on = new Thread[1];
    Threads.run(1, "t", k -> on[0] = Thread.currentThread());
    assertThat(on[0]).isSameAs(Thread.currentThread());
  }

  @Test
  void aFailureIsRethrownOnceEveryTaskHasEnded() {
    AtomicInteger finished = new AtomicInteger();
    assertThatThrownBy(() -> Threads.run(3, "t", k -> {
      if (k == 1) {
        throw new IllegalArgumentException("part 1 is bad");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      finished.incrementAndGet();
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("part 1 is bad");
    assertThat(finished).hasValue(2);
    assertThatThrownBy(() -> Threads.run(2, "t", k -> {
      throw new OutOfMemoryError("Java heap space");
    })).isInstanceOf(OutOfMemoryError.class);
  }
}
