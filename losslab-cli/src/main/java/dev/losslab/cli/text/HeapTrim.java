package dev.losslab.cli.text;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Lets the JVM give memory back after a collection. {@code supervised} frees large arrays between its
 * phases (the counting table and the tokenizer's buffers after reading); with the default
 * {@code MaxHeapFreeRatio} of 70 % the heap keeps those pages, and the next phase's short-lived objects
 * land on fresh ones, so peak memory is the sum of the phases. Lowering the ratio (a manageable HotSpot
 * option) makes a full collection return them. Without HotSpot this does nothing.
 */
final class HeapTrim {
  private HeapTrim() {}

  /**
   * Below this many bytes (of heap in use, or of a model file) there is too little to give back for
   * the trim to be worth its cost: about 25 ms to reach the HotSpot option through JMX and 5–10 ms for
   * the collection, a tenth of a small training run's start-up.
   */
  static final long WORTHWHILE = 32L << 20;

  /** Whether the heap in use is at least {@link #WORTHWHILE}. */
  static boolean heapWorthTrimming() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory() >= WORTHWHILE;
  }

  /** Lowers the free-heap ratios; ignored where the JVM does not support it. */
  static void enable() {
    try {
      HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (hs != null) {
        hs.setVMOption("MinHeapFreeRatio", "5");
        hs.setVMOption("MaxHeapFreeRatio", "20");
      }
    } catch (RuntimeException | LinkageError e) {
      // not HotSpot, or the options are not manageable: memory use is only higher
    }
  }

  /** A full collection that may return the freed pages to the system. */
  static void collect() {
    System.gc();
  }
}
