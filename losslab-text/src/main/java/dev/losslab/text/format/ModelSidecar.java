package dev.losslab.text.format;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What fastText's model format cannot hold, kept in a small text file next to the model:
 * {@code MODEL.losslab} (for {@code out.bin}, {@code out.bin.losslab}). The {@code .bin} alone stays a
 * plain fastText model; without its sidecar it is read as one (the loss stored in its args).
 *
 * <p>The file is UTF-8, one {@code key=value} per line, {@code #} comments and blank lines ignored,
 * written atomically:
 *
 * <pre>
 * # losslab sidecar of out.bin: what the fastText file cannot hold
 * losslab.sidecar=1
 * losslab.version=0.1.0
 * loss=focal
 * loss.option.gamma=2.0
 * seed=7
 * data.checksum=sha256:9f86d0…
 * label=__label__           (any other key: kept in {@link #extra()})
 * </pre>
 *
 * <p>Reading is tolerant: a missing sidecar is {@link Optional#empty()}, unknown keys go to
 * {@link #extra()}, and the key order does not matter. A line without {@code =}, a bad {@code seed}, a
 * missing {@code loss} or {@code losslab.version}, or invalid UTF-8 is a {@link MalformedModelException}
 * naming the file and line.
 *
 * @param losslabVersion the losslab version that trained the model
 * @param loss the losslab loss name (e.g. {@code cross-entropy}, {@code focal}, {@code softmax})
 * @param lossOptions the loss options as given ({@code name → value}), in order
 * @param seed the training seed, if recorded
 * @param dataChecksum a checksum of the training data ({@code algorithm:hex}), if recorded
 * @param extra any other {@code key → value}, in order
 */
public record ModelSidecar(
    String losslabVersion,
    String loss,
    Map<String, String> lossOptions,
    OptionalLong seed,
    Optional<String> dataChecksum,
    Map<String, String> extra) {

  /** Suffix appended to the model file name. */
  public static final String SUFFIX = ".losslab";
  private static final String LOSS_OPTION = "loss.option.";
  private static final String FORMAT_KEY = "losslab.sidecar";

  /**
   * Validates and copies the maps (insertion order kept).
   *
   * @throws IllegalArgumentException if a name is empty, a key is empty or contains {@code =}, or any
   *     text contains a line break
   */
  public ModelSidecar {
    checkValue("losslab version", Objects.requireNonNull(losslabVersion, "losslabVersion"));
    checkValue("loss", Objects.requireNonNull(loss, "loss"));
    if (loss.isEmpty() || losslabVersion.isEmpty()) {
      throw new IllegalArgumentException("sidecar loss and losslab version must not be empty");
    }
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(dataChecksum, "dataChecksum");
    dataChecksum.ifPresent(c -> checkValue("data checksum", c));
    lossOptions = copy(lossOptions, "loss option");
    extra = copy(extra, "sidecar key");
    for (String k : extra.keySet()) {
      if (k.equals(FORMAT_KEY) || k.equals("losslab.version") || k.equals("loss") || k.equals("seed")
          || k.equals("data.checksum") || k.startsWith(LOSS_OPTION)) {
        throw new IllegalArgumentException("sidecar key '" + k + "' is reserved; use its own field");
      }
    }
  }

  /** A sidecar with only a version and a loss. */
  public static ModelSidecar of(String losslabVersion, String loss) {
    return new ModelSidecar(losslabVersion, loss, Map.of(), OptionalLong.empty(), Optional.empty(), Map.of());
  }

  /** The sidecar path of a model: {@code model} with {@value #SUFFIX} appended to its file name. */
  public static Path pathFor(Path model) {
    Path name = model.getFileName();
    if (name == null) {
      throw new IllegalArgumentException("model path '" + model + "' has no file name");
    }
    return model.resolveSibling(name + SUFFIX);
  }

  /**
   * Reads the sidecar of {@code model}, if there is one.
   *
   * @return empty when {@code pathFor(model)} does not exist (a plain fastText model)
   * @throws MalformedModelException if the sidecar exists but cannot be parsed (file and line named)
   */
  public static Optional<ModelSidecar> read(Path model) throws IOException {
    Path file = pathFor(model);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedModelException(file, "not valid UTF-8");
    }
    String version = null;
    String loss = null;
    OptionalLong seed = OptionalLong.empty();
    Optional<String> checksum = Optional.empty();
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, String> extra = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new MalformedModelException(file, "line " + (i + 1) + ": expected key=value, found '"
            + line + "'");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      switch (key) {
        case FORMAT_KEY -> { }
        case "losslab.version" -> version = value;
        case "loss" -> loss = value;
        case "seed" -> {
          try {
            seed = OptionalLong.of(Long.parseLong(value));
          } catch (NumberFormatException e) {
            throw new MalformedModelException(file, "line " + (i + 1) + ": seed '" + value
                + "' is not an integer");
          }
        }
        case "data.checksum" -> checksum = Optional.of(value);
        default -> {
          if (key.startsWith(LOSS_OPTION) && key.length() > LOSS_OPTION.length()) {
            options.put(key.substring(LOSS_OPTION.length()), value);
          } else {
            extra.put(key, value);
          }
        }
      }
    }
    if (loss == null || loss.isEmpty() || version == null || version.isEmpty()) {
      throw new MalformedModelException(file, "missing " + (loss == null || loss.isEmpty()
          ? "loss" : "losslab.version") + " (is it a losslab sidecar?)");
    }
    return Optional.of(new ModelSidecar(version, loss, options, seed, checksum, extra));
  }

  /** Writes this sidecar next to {@code model} ({@link #pathFor}), atomically. */
  public void write(Path model) throws IOException {
    StringBuilder out = new StringBuilder(256);
    out.append("# losslab sidecar of ").append(model.getFileName())
        .append(": what the fastText file cannot hold\n");
    out.append(FORMAT_KEY).append("=1\n");
    out.append("losslab.version=").append(losslabVersion).append('\n');
    out.append("loss=").append(loss).append('\n');
    lossOptions.forEach((k, v) -> out.append(LOSS_OPTION).append(k).append('=').append(v).append('\n'));
    seed.ifPresent(s -> out.append("seed=").append(s).append('\n'));
    dataChecksum.ifPresent(c -> out.append("data.checksum=").append(c).append('\n'));
    extra.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
    AtomicFiles.writeString(pathFor(model), out.toString());
  }

  private static Map<String, String> copy(Map<String, String> map, String what) {
    Objects.requireNonNull(map, what + "s");
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      checkValue(what, k);
      checkValue(what + " '" + k + "'", v);
      if (k.strip().isEmpty() || !k.equals(k.strip()) || k.indexOf('=') >= 0 || k.startsWith("#")) {
        throw new IllegalArgumentException(
            what + " '" + k + "' must be non-empty, without '=', leading '#' or surrounding spaces");
      }
      copy.put(k, v.strip());
    });
    return Collections.unmodifiableMap(copy);
  }

  private static void checkValue(String what, String v) {
    Objects.requireNonNull(v, what);
    if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(what + " must not contain a line break: '" + v + "'");
    }
  }
}
