package dev.losslab.text;

import java.util.function.IntConsumer;

/** Work split over a few threads that the caller waits for: reading, initializing, training, scoring. */
public final class Threads {
  private Threads() {}

  /**
   * Runs {@code task(0) … task(n − 1)}, each on a thread of its own named {@code name-k} (on the
   * calling thread when {@code n} is 1), and returns when all have ended.
   *
   * @throws RuntimeException or {@link Error}: the first that a task threw, once every task has ended
   * @throws IllegalStateException if the calling thread is interrupted while it waits
   */
  public static void run(int n, String name, IntConsumer task) {
    if (n == 1) {
      task.accept(0);
      return;
    }
    Throwable[] failure = new Throwable[1];
    Thread[] ts = new Thread[n];
    for (int k = 0; k < n; k++) {
      final int id = k;
      ts[k] = new Thread(() -> {
        try {
          task.accept(id);
        } catch (RuntimeException | Error e) {
          synchronized (failure) {
            if (failure[0] == null) {
              failure[0] = e;
            }
          }
        }
      }, name + "-" + k);
      ts[k].start();
    }
    for (Thread t : ts) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the " + name + " threads", e);
      }
    }
    synchronized (failure) {
      if (failure[0] instanceof RuntimeException re) {
        throw re;
      }
      if (failure[0] instanceof Error er) {
        throw er;
      }
    }
  }
}
