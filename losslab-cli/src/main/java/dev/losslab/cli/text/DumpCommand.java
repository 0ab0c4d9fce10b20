package dev.losslab.cli.text;

import dev.losslab.cli.ByteOut;
import dev.losslab.cli.Errors;
import dev.losslab.text.format.FastTextFile;
import dev.losslab.text.format.FastTextMatrix;
import dev.losslab.text.format.QuantizedMatrix;
import dev.losslab.text.format.StoredMatrix;
import dev.losslab.text.format.ModelSidecar;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dump MODEL args|dict|input|output}: prints a model's settings, dictionary or one of its
 * matrices as fastText's dump does. A matrix is a line {@code ROWS COLS} and then a line per row, its
 * values as a C++ stream prints floats (six significant digits), separated by one space. fastText
 * refuses {@code input} and {@code output} for a quantized model; here a quantized matrix is printed as
 * the rows its codes stand for (what the model computes with), and a line on standard error says so.
 */
@Command(name = "dump", description = {"Print a model's args, dictionary or a matrix, as fastText's dump.",
    "For a losslab model, args also lists what the sidecar holds (loss, options, seed) as # lines.",
    "input and output print the matrix A or B: a line ROWS COLS, then one line per row. A quantized"
        + " matrix (.ftz) is printed as the rows its codes stand for."})
public final class DumpCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "model file (fastText .bin or .ftz)") Path model;
  @Parameters(index = "1", paramLabel = "WHAT", description = "args, dict, input or output") String what;
  @Spec CommandSpec spec;
  @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Override
  public Integer call() {
    if (!List.of("args", "dict", "input", "output").contains(what)) {
      throw new IllegalArgumentException("WHAT ('" + what + "') must be args, dict, input or output");
    }
    if (!Files.exists(model)) {
      throw new Errors.UserException(model + ": no such model file");
    }
    FastTextFile bin;
    Optional<ModelSidecar> side;
    try {
      bin = FastTextFile.read(model);
      side = ModelSidecar.read(model);
    } catch (IOException e) {
      String m = e.getMessage();
      throw new Errors.UserException(m != null && m.contains(model.toString()) ? m : model + ": " + m);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (what.equals("args")) {
      out.print(bin.args().dump());
      side.ifPresent(s -> {
        out.println("# losslab loss " + s.loss());
        s.lossOptions().forEach((k, v) -> out.println("# losslab loss." + k + " " + v));
        s.seed().ifPresent(v -> out.println("# losslab seed " + v));
      });
    } else if (what.equals("dict")) {
      out.print(bin.dictionary().toDictionary().dump());
    } else {
      StoredMatrix m = what.equals("input") ? bin.input() : bin.output();
      if (m instanceof QuantizedMatrix) {
        spec.commandLine().getErr().println("dump: " + model + ": the " + what
            + " matrix is quantized; printing the rows its codes stand for");
      }
      OutputStream w = new BufferedOutputStream(ByteOut.bytes(out), 1 << 16);
      try {
        print(m, w);
        w.flush();
      } catch (IOException e) {
        throw Errors.standardOutput(e);
      }
    }
    out.flush();
    return Errors.OK;
  }

  /** {@code ROWS COLS}, then each row's values, {@code %.6g}, one space between. */
  static void print(StoredMatrix m, OutputStream out) throws IOException {
    int cols = m.cols();
    out.write((m.rows() + " " + cols + "\n").getBytes(StandardCharsets.US_ASCII));
    float[] row = new float[cols];
    FloatRows rows = new FloatRows(6, false);
    for (int i = 0; i < m.rows(); i++) {
      if (m instanceof FastTextMatrix d) {
        System.arraycopy(d.data(), i * cols, row, 0, cols);
      } else {
        ((QuantizedMatrix) m).row(i, row);
      }
      rows.write(out, row, cols);
    }
  }
}
