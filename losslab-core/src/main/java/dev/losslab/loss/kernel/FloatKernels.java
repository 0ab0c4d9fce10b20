package dev.losslab.loss.kernel;

import dev.losslab.math.FastFloat;

/**
 * Which loops the float path runs: the Vector API loops ({@code jdk.incubator.vector}, JDK 17's SIMD
 * API, still an incubator module) for cross-entropy with labels, binary-cross-entropy and softmax-mse,
 * or the scalar loops that C2 auto-vectorises in part. Decided once, when the class is first used.
 *
 * <p>The Vector API loops run when all of these hold:
 * <ul>
 *   <li>the JVM was started with {@code --add-modules jdk.incubator.vector} (for the {@code ./losslab}
 *       launcher: {@code LOSSLAB_JAVA_OPTS=--add-modules=jdk.incubator.vector}); the JVM then prints one
 *       warning line, {@code WARNING: Using incubator modules}, which is why this is not the default;
 *   <li>the system property {@code losslab.vector} is not {@code false} (set it to compare the two);
 *   <li>the hardware has at least two double lanes and fused multiply-add
 *       ({@link FastFloat#fastFma()}), without which the Vector API falls back to slow lane-by-lane
 *       Java.
 * </ul>
 * Otherwise, or if the Vector API classes fail to load, the scalar loops run. Both keep the same
 * accuracy contract (see {@link FloatLoss}); the Vector API loops take their exponentials in float, so
 * their results differ from the scalar loops' by about 1e-7 relative (softmax-mse: up to about 2e-6
 * of the row's largest gradient entry; see {@code FusedFloatVector}).
 */
public final class FloatKernels {
  private static final String MODULE = "jdk.incubator.vector";
  private static final String WHY_NOT;
  private static final boolean VECTOR;

  static {
    String why = whyNot();
    VECTOR = why == null;
    WHY_NOT = why;
  }

  private FloatKernels() {}

  /** Whether the float path runs the Vector API loops. */
  public static boolean vectorized() {
    return VECTOR;
  }

  /**
   * One line for logs and benchmark reports, e.g. {@code "Vector API, 256-bit (8 float lanes)"} or
   * {@code "scalar (jdk.incubator.vector not enabled)"}.
   */
  public static String describe() {
    return VECTOR
        ? "Vector API, " + FusedFloatVector.bits() + "-bit (" + FusedFloatVector.floatLanes()
            + " float lanes)"
        : "scalar (" + WHY_NOT + ")";
  }

  private static String whyNot() {
    if ("false".equalsIgnoreCase(System.getProperty("losslab.vector"))) {
      return "losslab.vector=false";
    }
    if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
      return MODULE + " not enabled";
    }
    if (!FastFloat.fastFma()) {
      return "no fused multiply-add";
    }
    try {
      // loads and initialises the class, and with it the Vector API
      Class.forName(FloatKernels.class.getPackageName() + ".FusedFloatVector", true,
          FloatKernels.class.getClassLoader());
      return FusedFloatVector.lanes() >= 2 ? null : "fewer than two double lanes";
    } catch (ReflectiveOperationException | LinkageError e) {
      return "Vector API unavailable: " + e;
    }
  }
}
