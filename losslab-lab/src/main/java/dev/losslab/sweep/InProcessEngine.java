package dev.losslab.sweep;

import dev.losslab.experiment.CompareData;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Trains runs on a pool of threads of this JVM, one run per thread at a time. Each run builds its own
 * network, loss, trainer and random streams from its spec and only reads the shared data, so a run's
 * numbers do not depend on the thread count or on which runs share the pool: {@code --threads 1} and
 * {@code --threads 8} give the same bits. The threads are daemons, so Ctrl-C ends the process at once
 * (runs in flight are lost; those handed back were stored).
 */
public final class InProcessEngine implements SweepEngine {
  private final int threads;
  private final ExecutorService pool;

  /** An engine of {@code threads} threads. */
  public InProcessEngine(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads (" + threads + ") must be >= 1");
    }
    this.threads = threads;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "losslab-run-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public String description() {
    return "in-process, " + threads + (threads == 1 ? " thread" : " threads");
  }

  @Override
  public void run(CompareData data, List<RunSpec> specs, Consumer<RunOutcome> onDone) {
    ExecutorCompletionService<RunOutcome> done = new ExecutorCompletionService<>(pool);
    for (RunSpec s : specs) {
      done.submit(() -> {
        try {
          return RunOutcome.of(s.execute(data), s);
        } catch (OutOfMemoryError e) {
          return RunOutcome.error(s, "out of memory (give the JVM more with LOSSLAB_JAVA_OPTS=-Xmx...,"
              + " or fewer --threads)");
        } catch (RuntimeException | StackOverflowError e) {
          return RunOutcome.error(s, String.valueOf(e.getMessage() == null ? e : e.getMessage()));
        }
      });
    }
    for (int i = 0; i < specs.size(); i++) {
      Future<RunOutcome> f;
      try {
        f = done.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EngineUnavailableException("interrupted while waiting for runs", e);
      }
      try {
        onDone.accept(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EngineUnavailableException("interrupted while waiting for runs", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a run task failed outside its own handling", e.getCause());
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
