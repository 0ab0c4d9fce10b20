package dev.losslab.text;

/**
 * One training thread's own copy of the output matrix {@code B}, for two threads or more: the thread
 * trains on a {@link Model} that shares {@code A} with the others but updates its copy of {@code B},
 * and every {@link #INTERVAL} examples (and at the end of its share of an epoch) {@link #sync}s it with
 * the shared {@code B}: it adds what it changed since the last sync, {@code B += local − snapshot}, and
 * takes the result, which holds the other threads' synced changes too, as its new copy and snapshot.
 *
 * <p>Why: with a dense head ({@code softmax}, {@code ova}, a core loss) every example writes every row
 * of {@code B}; when two threads do that to one shared matrix, each write takes the cache line from the
 * other core, and a second thread makes training slower, not faster. Here a thread's examples read and
 * write only its own copy, in its own core's cache, with the same code as one thread; the shared rows
 * move between the cores once per sync, and syncs hold a lock, so no update of {@code B} is lost.
 *
 * <p>What it does to training: a thread sees its own updates of {@code B} at once, as with one thread,
 * and the other threads' updates of {@code B} up to {@link #INTERVAL} examples late (under plain
 * Hogwild they arrive at once, or are lost when two threads write a row at the same time); {@code A}
 * stays shared and updated after every example. Memory: two copies of {@code B} per thread
 * ({@link #bytes}). The trainer uses it for heads that write every row; {@code ns} and {@code hs}
 * write a few rows an example and train on the shared {@code B} ({@link Trainer#replicatedOutput}).
 */
final class OutputReplica {
  /**
   * Examples between syncs. The cost of a sync and of an example with a dense head both grow with the
   * size of {@code B}, so one count fits every model: at 128 a sync takes about 1 % of a thread's time
   * (at 32, about 7 % fewer examples a second on cooking, two threads), and P@1 on cooking and 20
   * Newsgroups is the same within run-to-run noise.
   */
  static final int INTERVAL = 128;

  private final Model shared;
  private final Object lock;
  private final float[][] local;
  private final float[][] snapshot;
  private final Model view;
  private int examples;

  /** A replica of {@code shared}'s {@code B}; every replica of one model syncs under {@code lock}. */
  OutputReplica(Model shared, Object lock) {
    this.shared = shared;
    this.lock = lock;
    int rows = shared.outputRows();
    int dim = shared.dim();
    local = new float[rows][dim];
    snapshot = new float[rows][dim];
    view = shared.withOutput(local);
  }

  /** Heap bytes of a replica of {@code rows × dim}. */
  static long bytes(long rows, int dim) {
    return 2 * rows * (dim * 4L + 16) + 256;
  }

  /** The model the thread trains on: the shared {@code A}, its own {@code B}. */
  Model model() {
    return view;
  }

  /** Takes the shared {@code B} as the copy and snapshot (at the start of the thread's share). */
  void refresh() {
    synchronized (lock) {
      int dim = shared.dim();
      for (int j = 0; j < local.length; j++) {
        float[] s = shared.outputRow(j);
        System.arraycopy(s, 0, local[j], 0, dim);
        System.arraycopy(s, 0, snapshot[j], 0, dim);
      }
    }
    examples = 0;
  }

  /** Counts an example; syncs after {@link #INTERVAL}. */
  void afterExample() {
    if (++examples == INTERVAL) {
      sync();
    }
  }

  /** {@code B += local − snapshot}; then {@code local = snapshot = B}. */
  void sync() {
    synchronized (lock) {
      int dim = shared.dim();
      for (int j = 0; j < local.length; j++) {
        float[] b = shared.outputRow(j);
        float[] l = local[j];
        float[] s = snapshot[j];
        for (int i = 0; i < dim; i++) {
          float v = b[i] + (l[i] - s[i]);
          b[i] = v;
          l[i] = v;
          s[i] = v;
        }
      }
    }
    examples = 0;
  }
}
