package dev.losslab.text.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aFailingWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("model.bin");
    AtomicFiles.writeString(target, "old");
    assertThatThrownBy(() -> AtomicFiles.write(target, ch -> {
      ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void replacesAnExistingFile() throws IOException {
    Path target = dir.resolve("a.txt");
    AtomicFiles.writeString(target, "one");
    AtomicFiles.writeString(target, "two");
    assertThat(Files.readString(target)).isEqualTo("two");
  }

  @Test
  void missingFolderIsNamed() {
    Path target = dir.resolve("no/such/out.bin");
    assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("does not exist");
  }

  /** The id of a process that has exited. */
  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    long pid = p.pid();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    return pid;
  }

  @Test
  void leftoversOfDeadWritersAreRemovedAndLiveOnesKept() throws Exception {
    Path target = dir.resolve("m.bin");
    long dead = deadPid();
    Path crashed = Files.writeString(dir.resolve(".m.bin." + dead + ".1f2e3d.tmp"), "half");
    Path crashedSidecar = Files.writeString(dir.resolve(".m.bin.losslab." + dead + ".ab.tmp"), "half");
    Path mine = Files.writeString(dir.resolve(".m.bin." + ProcessHandle.current().pid() + ".77.tmp"), "");
    Path other = Files.writeString(dir.resolve(".other.bin." + dead + ".1f.tmp"), "");
    Path notOurs = Files.writeString(dir.resolve(".m.bin.notes.tmp"), "");
    assertThat(AtomicFiles.removeLeftovers(target)).containsExactly(crashed);
    assertThat(crashed).doesNotExist();
    assertThat(AtomicFiles.removeLeftovers(dir.resolve("m.bin.losslab"))).containsExactly(crashedSidecar);
    assertThat(mine).exists();
    assertThat(other).exists();
    assertThat(notOurs).exists();
    assertThat(AtomicFiles.removeLeftovers(target)).isEmpty();
    assertThat(AtomicFiles.removeLeftovers(dir.resolve("missing/m.bin"))).isEmpty();
  }

  @Test
  void temporaryFilesNameTheWritingProcess() throws IOException {
    Path target = dir.resolve("t.bin");
    String[] seen = new String[1];
    AtomicFiles.write(target, ch -> {
      try (var files = Files.list(dir)) {
        seen[0] = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp"))
            .findFirst().orElse(null);
      }
    });
    assertThat(seen[0]).matches("\\.t\\.bin\\." + ProcessHandle.current().pid() + "\\.[0-9a-f]+\\.tmp");
  }
}
