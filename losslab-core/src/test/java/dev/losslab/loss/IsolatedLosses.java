package dev.losslab.loss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@link Losses} loaded afresh in a class loader of its own (the core classes, the test classes and a
 * folder with an extra {@code META-INF/services} file), so that a test sees the provider registry a
 * different class path would give, without touching the registry of the other tests.
 */
final class IsolatedLosses implements AutoCloseable {
  private final URLClassLoader loader;
  private ClassLoader context;

  /** A class path with {@code folder} first, whose services file lists {@code providers}. */
  IsolatedLosses(Path folder, String... providers) {
    writeServices(folder, providers);
    loader = new URLClassLoader(new URL[] {url(folder), location(Losses.class),
        location(IsolatedLosses.class)}, ClassLoader.getPlatformClassLoader());
    context = loader;
  }

  /** Writes {@code folder/META-INF/services/dev.losslab.loss.LossProvider} listing {@code providers}. */
  static void writeServices(Path folder, String... providers) {
    try {
      Path services = Files.createDirectories(folder.resolve("META-INF/services"));
      Files.write(services.resolve(LossProvider.class.getName()), List.of(providers));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The loader Losses and its providers come from. */
  ClassLoader loader() {
    return loader;
  }

  /** Uses {@code contextLoader} as the thread context class loader while the registry loads. */
  IsolatedLosses withContext(ClassLoader contextLoader) {
    this.context = contextLoader;
    return this;
  }

  /** {@code Losses.create(name, options).name()}, run in the isolated loader. */
  String create(String name, Map<String, ?> options) {
    Object loss = call("create", new Class<?>[] {String.class, Map.class}, name, options);
    try {
      return (String) Class.forName(Loss.class.getName(), false, loader).getMethod("name").invoke(loss);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code Losses.providedNames()}, run in the isolated loader. */
  @SuppressWarnings("unchecked")
  List<String> providedNames() {
    return (List<String>) call("providedNames", new Class<?>[0]);
  }

  private Object call(String method, Class<?>[] types, Object... args) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(context);
    try {
      Class<?> losses = Class.forName(Losses.class.getName(), true, loader);
      return losses.getMethod(method, types).invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // IllegalArgumentException is a platform class: the same type here and there
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  private static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL location(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation();
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
