package dev.losslab.cli.text;

import dev.losslab.cli.Errors;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.WordVectors;
import dev.losslab.text.format.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the commands that write a model ({@code supervised}, its autotune, {@code quantize}) do around
 * the files of their {@code -output} prefix: they first remove what interrupted saves of those files
 * left, and say so, and they write {@code -saveVec}'s vectors.
 */
final class ModelOutput {
  private ModelOutput() {}

  /**
   * Deletes what saves of {@code targets} left when their process died, and says so in one line on
   * {@code err} as {@code losslab COMMAND}; a leftover that cannot be deleted is a warning.
   */
  static void removeLeftovers(PrintWriter err, String command, String prefix, List<Path> targets) {
    List<String> removed = new ArrayList<>();
    for (Path t : targets) {
      try {
        for (Path f : AtomicFiles.removeLeftovers(t)) {
          removed.add(f.getFileName().toString());
        }
      } catch (IOException e) {
        err.println("losslab " + command + ": warning: cannot remove what an interrupted save of " + t
            + " left (" + e.getMessage() + ")");
      }
    }
    if (!removed.isEmpty()) {
      err.println("losslab " + command + ": removed " + removed.size() + " temporary file"
          + (removed.size() == 1 ? "" : "s") + " that interrupted saves of " + prefix + " left: "
          + String.join(", ", removed));
    }
    err.flush();
  }

  /** Writes {@code model}'s word vectors to {@code vec} in fastText's text format ({@code -saveVec}). */
  static void writeVec(TextClassifier model, Path vec) {
    try {
      new WordVectors(model).writeVec(vec);
    } catch (IOException e) {
      throw new Errors.UserException(vec + ": cannot write the vectors (" + e.getMessage() + ")");
    }
  }
}
