package dev.losslab.text;

import java.util.Locale;

/**
 * The heap that training a model takes, checked against the heap the JVM has before anything large is
 * allocated, so that a model too large for it is refused with what it needs and how to get there
 * instead of failing part-way with an {@link OutOfMemoryError}.
 *
 * <p>What is counted: the input matrix {@code A} ({@code inputRows × dim} floats), the output matrix
 * {@code B} ({@code outputRows × dim}, one array per row) and the flat copy of it that saving makes, and
 * per thread its {@link Workspace} (scores and score gradients per output row) and, with two threads or
 * more, its {@link OutputReplica} (counted for every head: an upper bound). The corpus is not counted: training reads it from a file
 * ({@link CorpusFile}). The vocabulary is already in the heap when the check runs, so it is counted as
 * heap in use.
 */
public final class ModelMemory {
  private ModelMemory() {}

  /** Bytes of the arrays that training {@code inputRows × dim} and {@code outputRows × dim} allocates. */
  public static long trainingBytes(long inputRows, long outputRows, int dim, int threads) {
    long a = inputRows * dim * 4L;
    long b = outputRows * (dim * 4L + 16);
    long saved = outputRows * dim * 4L;
    long perThread = dim * 16L + outputRows * 8L + outputRows * 16L + 4096;
    long replica = OutputReplica.bytes(outputRows, dim);
    if (threads > 1 && threads * replica <= Trainer.REPLICA_BUDGET) {
      perThread += replica;
    }
    return a + b + saved + threads * perThread;
  }

  /**
   * Refuses a model that does not fit in what is left of this JVM's heap.
   *
   * @throws ModelTooLarge naming the bytes needed, the heap and the remedies
   */
  public static void check(long inputRows, long outputRows, Args args) {
    long need = trainingBytes(inputRows, outputRows, args.dim(), args.thread());
    Runtime rt = Runtime.getRuntime();
    long max = rt.maxMemory();
    if (need <= max - (rt.totalMemory() - rt.freeMemory())) {
      return;
    }
    System.gc(); // what is in use may be mostly garbage of reading
    check(need, inputRows, outputRows, args, max, rt.totalMemory() - rt.freeMemory());
  }

  /** The check with the heap's size and use given. */
  static void check(long need, long inputRows, long outputRows, Args args, long maxHeap, long used) {
    if (need <= maxHeap - used) {
      return;
    }
    // room for the model, what is in use, and a quarter more for the collector
    long suggest = (long) Math.ceil((need + used) * 1.25 / (1L << 30));
    throw new ModelTooLarge(String.format(Locale.ROOT,
        "the model needs %s of heap to train (input matrix %,d rows × %d, output matrix %,d rows × %d,"
            + " %d thread%s) but the JVM's heap is %s with %s in use; give it more with"
            + " LOSSLAB_JAVA_OPTS=-Xmx%dg, or use a smaller -bucket (now %d) or -dim (now %d)",
        size(need), inputRows, args.dim(), outputRows, args.dim(), args.thread(),
        args.thread() == 1 ? "" : "s", size(maxHeap), size(used), Math.max(1, suggest), args.bucket(),
        args.dim()), need, maxHeap);
  }

  /** Bytes as {@code 812 MB} or {@code 7.5 GB} (powers of 1024), with the exact count. */
  static String size(long bytes) {
    String s = bytes >= (1L << 30)
        ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%d MB", (bytes + (1 << 20) - 1) >> 20);
    return s + String.format(Locale.ROOT, " (%,d bytes)", bytes);
  }

  /** A model that does not fit the heap, refused before training. */
  public static final class ModelTooLarge extends RuntimeException {
    private final long needed;
    private final long heap;

    ModelTooLarge(String message, long needed, long heap) {
      super(message);
      this.needed = needed;
      this.heap = heap;
    }

    /** Bytes the model needs. */
    public long needed() {
      return needed;
    }

    /** The JVM's maximum heap in bytes. */
    public long heap() {
      return heap;
    }
  }
}
