package dev.losslab.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Losses from {@link LossProvider}s: the test providers registered in the test resources'
 * {@code META-INF/services}, and class paths of their own ({@link IsolatedLosses}) for shadowed
 * built-in names, providers that fail to load and the thread context class loader.
 */
class LossProviderTest {
  private static final String PROVIDER = TestLossProvider.class.getName();

  @TempDir Path tmp;

  @Test
  void providedNamesAreTheRegisteredOnesLowerCaseAndSorted() {
    assertThat(Losses.providedNames()).containsExactly("test-labels-only", "test-mixed-case",
        "test-multiline", "test-no-target", "test-null", "test-scaled-mse", "test-shared",
        "test-throws", "test-wrong-gradient", "test-wrong-name");
    assertThat(Losses.names()).doesNotContain("test-scaled-mse");
  }

  @Test
  void aProvidedLossIsCreatedWithItsOptionsAndEvaluatesLikeAnyOther() {
    double[][] s = {{1.5, -0.5}, {0.25, 2}};
    Target y = Target.dense(new double[][] {{1, 0}, {0, 1}});
    for (Object scale : List.of("2.5", 2.5)) {
      Loss loss = Losses.create("test-scaled-mse", Map.of("scale", scale));
      assertThat(loss.name()).isEqualTo("test-scaled-mse");
      LossResult r = LossEvaluation.evaluate(loss, s, y, Reduction.SUM);
      assertThat(r.value()).isEqualTo(2.5 * (0.25 + 0.25 + 0.0625 + 1));
      assertThat(r.gradient()).containsExactly(2.5, -2.5, 1.25, 5.0);
    }
    assertThat(LossEvaluation.evaluate(Losses.create("test-scaled-mse"), s, y, Reduction.MEAN).value())
        .isEqualTo((0.25 + 0.25 + 0.0625 + 1) / 4);
    assertThat(Losses.optionNames("test-scaled-mse")).containsExactly("scale");
    assertThat(Losses.optionNames("test-labels-only")).isEmpty();
  }

  @Test
  void namesMatchIgnoringCaseAndTheProviderGetsItsOwnSpelling() {
    assertThat(Losses.create("  TEST-Scaled-MSE ").name()).isEqualTo("test-scaled-mse");
    assertThat(Losses.create("test-mixed-case").name()).isEqualTo("test-mixed-case");
  }

  @Test
  void anUnknownNameListsTheProvidedNamesWithTheirProvider() {
    assertThatThrownBy(() -> Losses.create("test-nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown loss 'test-nope' (known: cross-entropy, ")
        .hasMessageContaining(", " + last(Losses.names()) + ", test-labels-only (" + PROVIDER + "), ")
        .hasMessageContaining("test-scaled-mse (" + PROVIDER + ")")
        .hasMessageContaining("test-shared (" + PROVIDER + " and " + OtherTestLossProvider.class.getName()
            + ")")
        .hasMessageContaining(", or <unit>-<divergence> with unit one of ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void whatCreateThrowsIsWrappedInOneLineNamingTheLossAndTheProvider() {
    assertThatThrownBy(() -> Losses.create("test-throws"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("loss 'test-throws' (provider " + PROVIDER
            + ") failed: IllegalStateException: the provider is not configured")
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Losses.create("test-scaled-mse", Map.of("scale", "-1")))
        .hasMessage("loss 'test-scaled-mse' (provider " + PROVIDER
            + ") failed: scale (-1.0) must be > 0 and finite");
    assertThatThrownBy(() -> Losses.create("test-scaled-mse", Map.of("delta", 1)))
        .hasMessage("loss 'test-scaled-mse' (provider " + PROVIDER
            + ") failed: unknown option 'delta' (known: scale)");
    assertThatThrownBy(() -> Losses.create("test-multiline"))
        .hasMessage("loss 'test-multiline' (provider " + PROVIDER + ") failed: first line second line");
  }

  @Test
  void reductionIsRefusedBeforeTheProviderSeesIt() {
    assertThatThrownBy(() -> Losses.create("test-scaled-mse", Map.of("reduction", "sum")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("reduction is not an option of loss 'test-scaled-mse'");
  }

  @Test
  void aNullLossOrALossOfAnotherNameIsRefused() {
    assertThatThrownBy(() -> Losses.create("test-null"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("loss 'test-null' (provider " + PROVIDER + ") failed: create returned null");
    assertThatThrownBy(() -> Losses.create("test-wrong-name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("loss 'test-wrong-name' (provider " + PROVIDER + ") failed: create returned a loss"
            + " named 'test-other' (" + TestLossProvider.ScaledSquaredError.class.getName() + ")");
  }

  @Test
  void aNameTwoProvidersOfferIsRefusedNamingBoth() {
    assertThatThrownBy(() -> Losses.create("test-shared"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("loss 'test-shared' is offered by 2 providers, " + PROVIDER + " and "
            + OtherTestLossProvider.class.getName() + "; keep only one of them on the class path");
  }

  @Test
  void aProviderCannotReplaceABuiltInOrComposedName() throws Exception {
    try (IsolatedLosses losses = new IsolatedLosses(tmp, ExtraTestLossProvider.class.getName())) {
      assertThat(losses.create("test-extra", Map.of())).isEqualTo("test-extra");
      assertThat(losses.providedNames()).contains("mse", "test-extra", "test-scaled-mse");
      assertThatThrownBy(() -> losses.create("mse", Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("loss 'mse' is built in (" + MeanSquaredError.class.getName() + ") and also"
              + " offered by provider " + ExtraTestLossProvider.class.getName()
              + ", which cannot replace it: rename the provider's loss");
      assertThatThrownBy(() -> losses.create("sigmoid-mse", Map.of()))
          .hasMessageContaining("loss 'mse' is built in");
      assertThat(losses.create("huber", Map.of())).isEqualTo("huber");
    }
    LossProviders registry = new LossProviders(List.of(new ExtraTestLossProvider()), List.of());
    assertThatThrownBy(() -> registry.requireNotOffered("mse", Losses.create("mse")))
        .hasMessageContaining("also offered by provider " + ExtraTestLossProvider.class.getName());
  }

  @Test
  void aProviderThatFailsToLoadIsOneLineAndTheOthersStillWork() throws Exception {
    try (IsolatedLosses losses = new IsolatedLosses(tmp, "com.example.MissingLosses",
        BrokenTestLossProvider.class.getName(), Target.class.getName())) {
      assertThat(losses.create("test-scaled-mse", Map.of())).isEqualTo("test-scaled-mse");
      assertThatThrownBy(() -> losses.create("test-broken", Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("unknown loss 'test-broken' (known: ")
          .hasMessageContaining("; a loss provider on the class path failed to load: Provider"
              + " com.example.MissingLosses not found")
          .hasMessageContaining("; a loss provider on the class path failed to load: Provider "
              + BrokenTestLossProvider.class.getName()
              + " could not be instantiated: IllegalStateException: no licence file")
          .hasMessageContaining("; a loss provider on the class path failed to load: "
              + Target.class.getName() + " not a subtype")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void aProviderCompiledForANewerJavaIsOneLine() throws Exception {
    String name = ExtraTestLossProvider.class.getName();
    String file = name.replace('.', '/') + ".class";
    byte[] bytes;
    try (var in = ExtraTestLossProvider.class.getClassLoader().getResourceAsStream(file)) {
      bytes = in.readAllBytes();
    }
    bytes[6] = 0;
    bytes[7] = (byte) 99; // class file major version 99: a Java far newer than this one
    Path copy = tmp.resolve(file);
    java.nio.file.Files.createDirectories(copy.getParent());
    java.nio.file.Files.write(copy, bytes);
    try (IsolatedLosses losses = new IsolatedLosses(tmp, name)) { // the folder comes first
      assertThat(losses.create("test-scaled-mse", Map.of())).isEqualTo("test-scaled-mse");
      assertThatThrownBy(() -> losses.create("test-extra", Map.of()))
          .hasMessageStartingWith("unknown loss 'test-extra'")
          .hasMessageContaining("; a loss provider on the class path failed to load:"
              + " UnsupportedClassVersionError: " + name.replace('.', '/') + " has been compiled by a more"
              + " recent version of the Java Runtime");
    }
  }

  @Test
  void aProviderMayUseBuiltInLossesWhileTheProvidersLoad() throws Exception {
    try (IsolatedLosses losses = new IsolatedLosses(tmp, ReentrantTestLossProvider.class.getName())) {
      assertThat(losses.create("test-double-huber", Map.of())).isEqualTo("test-double-huber");
      assertThat(losses.create("huber", Map.of())).isEqualTo("huber");
    }
  }

  @Test
  void providersComeFromTheContextClassLoaderAndLossesOwn() throws Exception {
    Path own = tmp.resolve("own");
    Path context = tmp.resolve("context");
    IsolatedLosses.writeServices(context, ExtraTestLossProvider.class.getName());
    try (IsolatedLosses losses = new IsolatedLosses(own);
        URLClassLoader child = new URLClassLoader(new URL[] {context.toUri().toURL()}, losses.loader())) {
      losses.withContext(child);
      assertThat(losses.create("test-extra", Map.of())).isEqualTo("test-extra"); // via the context
      assertThat(losses.create("test-scaled-mse", Map.of())).isEqualTo("test-scaled-mse"); // own
      assertThat(losses.providedNames()).doesNotHaveDuplicates().contains("test-extra", "test-shared");
    }
    try (IsolatedLosses losses = new IsolatedLosses(own).withContext(null)) {
      assertThat(losses.create("test-scaled-mse", Map.of())).isEqualTo("test-scaled-mse");
      assertThat(losses.providedNames()).doesNotContain("test-extra");
    }
  }

  @Test
  void badNameListsBecomeOneLineEachAndTheirOtherNamesStillWork() {
    LossProvider throwing = new LossProvider() {
      @Override
      public Set<String> names() {
        throw new IllegalStateException("names unavailable");
      }

      @Override
      public Loss create(String name, Map<String, ?> options) {
        throw new AssertionError();
      }
    };
    LossProvider nulls = new LossProvider() {
      @Override
      public Set<String> names() {
        return null;
      }

      @Override
      public Loss create(String name, Map<String, ?> options) {
        throw new AssertionError();
      }
    };
    LossProvider odd = new LossProvider() {
      @Override
      public Set<String> names() {
        return Set.of("a:b", "", "fine-name");
      }

      @Override
      public Loss create(String name, Map<String, ?> options) {
        return new TestLossProvider.ScaledSquaredError(name, 1, 2);
      }
    };
    LossProviders registry = new LossProviders(List.of(throwing, nulls, odd), List.of("earlier"));
    assertThat(registry.names()).containsExactly("fine-name");
    assertThat(registry.create("fine-name", Map.of()).name()).isEqualTo("fine-name");
    assertThat(registry.create("other", Map.of())).isNull();
    assertThat(registry.failures()).hasSize(5).contains("earlier")
        .anySatisfy(f -> assertThat(f).startsWith("loss provider " + throwing.getClass().getName()
            + " failed to list its names: IllegalStateException: names unavailable"))
        .anySatisfy(f -> assertThat(f).endsWith(" returned null from names()"))
        .anySatisfy(f -> assertThat(f).contains("offers an invalid name 'a:b'"))
        .anySatisfy(f -> assertThat(f).contains("offers an invalid name ''"));
  }

  private static String last(java.util.List<String> names) {
    return names.get(names.size() - 1);
  }
}
