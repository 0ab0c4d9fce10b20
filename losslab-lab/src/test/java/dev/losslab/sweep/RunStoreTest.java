package dev.losslab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.experiment.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

  @TempDir Path tmp;

  static RunRecord record(RunSpec s) {
    return RunRecord.of(s, new RunResult("gce", s.seed(), List.of(), "EPOCHS", null), 0.5);
  }

  @Test
  void openingWritesNothingAndTheFirstRecordMakesTheStore() throws Exception {
    Path dir = tmp.resolve("store");
    RunStore s = RunStore.open(dir);
    RunSpec spec = RunSpecTest.spec("gce", 1);
    assertThat(s.find(spec)).isEmpty();
    assertThat(dir).doesNotExist();
    s.put(record(spec));
    assertThat(dir.resolve("store.json")).content().contains("\"format\": 1");
    assertThat(s.file(spec.key())).isRegularFile();
    assertThat(RunStore.open(dir).find(spec)).contains(record(spec).toJson().isEmpty() ? null
        : RunRecord.fromJson(Files.readString(s.file(spec.key()))));
    assertThat(s.keys()).containsExactly(spec.key());
    try (Stream<Path> files = Files.list(dir.resolve("runs"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(spec.key() + ".json");
    }
  }

  @Test
  void aStoreOfAnotherFormatIsOneLineAndLeftAsItIs() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("store/runs"));
    Files.writeString(tmp.resolve("store/store.json"), "{\"format\": 2, \"losslab\": \"0.9.0\"}\n");
    Files.writeString(dir.resolve("x.json"), "{}");
    Files.writeString(dir.resolve(".x.json.1.tmp"), "half");
    Files.setLastModifiedTime(dir.resolve(".x.json.1.tmp"),
        java.nio.file.attribute.FileTime.fromMillis(0));
    Map<String, String> before = tree(tmp.resolve("store"));
    assertThatThrownBy(() -> RunStore.open(tmp.resolve("store")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("run store '" + tmp.resolve("store") + "' was written by losslab 0.9.0 in store"
            + " format 2; this losslab reads format 1: give another --store, or clear it (rm -r "
            + tmp.resolve("store") + ")");
    assertThat(tree(tmp.resolve("store"))).isEqualTo(before);
  }

  @Test
  void aFolderThatIsNotAStoreIsRefused() throws Exception {
    Files.writeString(Files.createDirectories(tmp.resolve("docs")).resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> RunStore.open(tmp.resolve("docs")))
        .hasMessageContaining("is a folder that is not a losslab run store");
    Files.writeString(tmp.resolve("file"), "x");
    assertThatThrownBy(() -> RunStore.open(tmp.resolve("file"))).hasMessageContaining("is not a folder");
    assertThat(RunStore.open(Files.createDirectories(tmp.resolve("empty"))).keys()).isEmpty();
  }

  @Test
  void anUnreadableRecordIsAWarningAndTheRunIsMissing() throws Exception {
    RunStore s = RunStore.open(tmp.resolve("store"));
    RunSpec spec = RunSpecTest.spec("gce", 1);
    s.put(record(spec));
    Files.writeString(s.file(spec.key()), "{\"format\": 1, \"key\"");
    assertThat(s.find(spec)).isEmpty();
    assertThat(s.warnings()).singleElement().asString().contains("not a run record");
    // a record under another run's name is not taken for that run
    RunSpec other = RunSpecTest.spec("gce", 2);
    Files.writeString(s.file(other.key()), record(spec).toJson());
    assertThat(s.find(other)).isEmpty();
    assertThat(s.warnings()).hasSize(2);
  }

  @Test
  void staleTemporaryFilesAreRemovedOnOpenAndRecordsNever() throws Exception {
    RunStore s = RunStore.open(tmp.resolve("store"));
    RunSpec spec = RunSpecTest.spec("gce", 1);
    s.put(record(spec));
    Path stale = s.file(spec.key()).resolveSibling("." + spec.key() + ".json.abc.tmp");
    Path fresh = s.file(spec.key()).resolveSibling("." + spec.key() + ".json.def.tmp");
    Files.writeString(stale, "half");
    Files.writeString(fresh, "half");
    Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(0));
    Files.setLastModifiedTime(s.file(spec.key()), java.nio.file.attribute.FileTime.fromMillis(0));
    RunStore.open(tmp.resolve("store"));
    assertThat(stale).doesNotExist();
    assertThat(fresh).exists();
    assertThat(s.file(spec.key())).exists();
  }

  static Map<String, String> tree(Path root) throws Exception {
    try (Stream<Path> w = Files.walk(root)) {
      return w.filter(Files::isRegularFile).collect(Collectors.toMap(p -> root.relativize(p).toString(),
          p -> {
            try {
              return Files.readString(p) + "@" + Files.getLastModifiedTime(p);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }, (a, b) -> a, TreeMap::new));
    }
  }
}
