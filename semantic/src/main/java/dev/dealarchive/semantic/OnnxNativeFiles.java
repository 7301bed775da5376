package dev.dealarchive.semantic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime's native libraries, unpacked once into the archive's cache folder instead of into a new temporary
 * folder per process.
 *
 * <p>By default ONNX Runtime (1.20.0, class {@code ai.onnxruntime.OnnxRuntime}) copies its two libraries (about 16 MB)
 * out of its jar into a fresh {@code onnxruntime-java*} folder under {@code java.io.tmpdir} in every process and only
 * marks them for deletion at exit, so a killed process leaves them behind. With the system property {@value
 * #NATIVE_PATH_PROPERTY} naming a folder it loads the libraries from there instead; this class fills that folder:
 * {@code CACHE/onnxruntime/VERSION/OS-ARCH/}, each file written under a temporary name in the same folder and renamed
 * into place atomically, so two processes starting together never see a half-written library. A library at its final
 * name is therefore always whole, and is never written again.
 *
 * <p>ONNX Runtime 1.20.0 still creates an empty {@code onnxruntime-java*} folder in its start-up, whatever the
 * property says (its {@code init()} calls {@code Files.createTempDirectory} first), and marks it for deletion at exit.
 * {@link #removeRuntimeTemporaryFolder()} deletes that empty folder right after the runtime has loaded, so a process
 * killed later leaves nothing in the temporary folder.
 */
final class OnnxNativeFiles {
  /** The property ONNX Runtime reads for the folder holding its native libraries. */
  static final String NATIVE_PATH_PROPERTY = "onnxruntime.native.path";
  private static final Logger LOG = LoggerFactory.getLogger(OnnxNativeFiles.class);
  private static final String RUNTIME_CLASS = "ai.onnxruntime.OnnxRuntime";
  private static final String ENVIRONMENT_CLASS = "ai.onnxruntime.OrtEnvironment";
  private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");
  /** Staging files older than this were left by a killed process and are removed. */
  private static final Duration STALE_PART = Duration.ofMinutes(10);

  private OnnxNativeFiles() {}

  /**
   * Makes sure the runtime's libraries for this platform are in {@code cacheDir} and points ONNX Runtime at them,
   * unless {@value #NATIVE_PATH_PROPERTY} is already set. Must run before the first ONNX Runtime class is
   * initialised. Does nothing (the runtime then unpacks as it always did) when this platform has no library in the
   * jar.
   *
   * @return the folder the libraries are loaded from, or empty when the runtime chooses on its own
   */
  static synchronized Optional<Path> install(Path cacheDir) throws IOException {
    String configured = System.getProperty(NATIVE_PATH_PROPERTY);
    if (configured != null) {
      return Optional.of(Path.of(configured));
    }
    Class<?> anchor = runtimeAnchor();
    String platform = platform();
    if (anchor == null || platform == null) {
      return Optional.empty();
    }
    List<String> files = new ArrayList<>();
    for (String library : LIBRARIES) {
      files.add(System.mapLibraryName(library).replace(".jnilib", ".dylib"));
    }
    String base = "/ai/onnxruntime/native/" + platform + "/";
    for (String file : files) {
      if (anchor.getResource(base + file) == null) {
        return Optional.empty();
      }
    }
    Path folder = cacheDir.resolve("onnxruntime").resolve(runtimeVersion(anchor)).resolve(platform);
    Files.createDirectories(folder);
    removeStaleParts(folder);
    for (String file : files) {
      Path target = folder.resolve(file);
      if (!Files.isRegularFile(target)) {
        unpack(anchor, base + file, target);
      }
    }
    System.setProperty(NATIVE_PATH_PROPERTY, folder.toString());
    return Optional.of(folder);
  }

  /** Copies a resource to a staging file beside {@code target}, then renames it to {@code target} atomically. */
  private static void unpack(Class<?> anchor, String resource, Path target) throws IOException {
    Path staging = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
    try {
      try (InputStream in = anchor.getResourceAsStream(resource);
          OutputStream out = Files.newOutputStream(staging)) {
        if (in == null) {
          throw new IOException("ONNX Runtime's jar has no " + resource);
        }
        in.transferTo(out);
      }
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot rename files atomically in " + target.getParent(), e);
      } catch (IOException e) {
        // Another process put the same file in place first (and may have it loaded, which some systems protect
        // from replacement): its copy is whole, keep it.
        if (!Files.isRegularFile(target)) {
          throw e;
        }
      }
    } finally {
      Files.deleteIfExists(staging);
    }
  }

  /** Removes staging files that a process killed while unpacking left behind. */
  private static void removeStaleParts(Path folder) {
    FileTime before = FileTime.from(Instant.now().minus(STALE_PART));
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, ".*.part")) {
      for (Path part : parts) {
        if (Files.getLastModifiedTime(part).compareTo(before) < 0) {
          Files.deleteIfExists(part);
        }
      }
    } catch (IOException e) {
      LOG.debug("could not tidy {}: {}", folder, e.toString());
    }
  }

  /**
   * Deletes the empty {@code onnxruntime-java*} folder ONNX Runtime 1.20.0 creates in {@code java.io.tmpdir} while it
   * starts (it would stay until the JVM exits, and for ever when the process is killed). Call after the runtime has
   * loaded. A folder that is not empty (the runtime unpacked into it because the libraries were not installed) is
   * left to the runtime's own deletion at exit.
   */
  static void removeRuntimeTemporaryFolder() {
    try {
      Class<?> runtime = Class.forName(RUNTIME_CLASS, false, OnnxNativeFiles.class.getClassLoader());
      Field field = runtime.getDeclaredField("tempDirectory");
      field.setAccessible(true);
      if (field.get(null) instanceof Path folder) {
        Files.deleteIfExists(folder);
      }
    } catch (DirectoryNotEmptyException e) {
      LOG.debug("ONNX Runtime's temporary folder is not empty; it is deleted at exit: {}", e.getFile());
    } catch (ReflectiveOperationException | RuntimeException | IOException e) {
      // Another ONNX Runtime version: its folder, if any, is deleted at exit as before.
      LOG.debug("could not remove ONNX Runtime's temporary folder: {}", e.toString());
    }
  }

  /** A class of the runtime's jar, loaded without initialising it (that would load the libraries), or null. */
  private static Class<?> runtimeAnchor() {
    try {
      return Class.forName(ENVIRONMENT_CLASS, false, OnnxNativeFiles.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /** The runtime's version from its jar's manifest, else a stand-in that still changes with the jar. */
  private static String runtimeVersion(Class<?> anchor) {
    String version = anchor.getPackage() == null ? null : anchor.getPackage().getImplementationVersion();
    if (version != null && version.matches("[A-Za-z0-9._-]+")) {
      return version;
    }
    String jar = String.valueOf(anchor.getProtectionDomain().getCodeSource().getLocation());
    return "unknown-" + Integer.toHexString(jar.hashCode());
  }

  /** ONNX Runtime's name for this platform's folder in its jar ({@code linux-x64}, {@code osx-aarch64}, ...). */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String system;
    if (os.contains("mac") || os.contains("darwin")) {
      system = "osx";
    } else if (os.contains("win")) {
      system = "win";
    } else if (os.contains("nux")) {
      system = "linux";
    } else {
      return null;
    }
    String machine;
    if (arch.startsWith("amd64") || arch.startsWith("x86_64")) {
      machine = "x64";
    } else if (arch.startsWith("aarch64") || arch.startsWith("arm64")) {
      machine = "aarch64";
    } else {
      return null;
    }
    return system + "-" + machine;
  }
}
