package dev.losslab.cli.text;

import dev.losslab.cli.Errors;
import dev.losslab.text.format.FastTextFile;
import dev.losslab.text.format.ModelSidecar;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dump MODEL args|dict}: prints a model's settings or dictionary as fastText's dump does. */
@Command(name = "dump", description = {"Print a model's args or dictionary, as fastText's dump.",
    "For a losslab model, args also lists what the sidecar holds (loss, options, seed) as # lines."})
public final class DumpCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "model file (fastText .bin or .ftz)") Path model;
  @Parameters(index = "1", paramLabel = "WHAT", description = "args or dict") String what;
  @Spec CommandSpec spec;
  @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Override
  public Integer call() {
    if (!what.equals("args") && !what.equals("dict")) {
      throw new IllegalArgumentException("WHAT ('" + what + "') must be args or dict");
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
    } else {
      out.print(bin.dictionary().toDictionary().dump());
    }
    out.flush();
    return Errors.OK;
  }
}
