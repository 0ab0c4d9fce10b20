package dev.losslab.sweep;

/**
 * An engine that cannot start or stopped working: not on the class path, a cluster that cannot be
 * reached, a job the cluster gave up. The message is one line for the user; the commands exit 1.
 */
public final class EngineUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An engine failure described by {@code message}. */
  public EngineUnavailableException(String message) {
    super(message);
  }

  /** An engine failure described by {@code message}, caused by {@code cause}. */
  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
