package dev.dealarchive.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading the model writes only into the archive's cache folder: ONNX Runtime's native libraries are unpacked there
 * once (whole, also when two processes start together) and nothing is left in the temporary folder, not even while
 * the model is loaded (what a process killed at that moment would leave behind).
 */
class NativeFilesTest {
  private static final long TIMEOUT_SECONDS = 180;

  @TempDir Path temp;

  @Test
  void twoProcessesLoadingTheModelTogetherUnpackTheRuntimeOnceIntoTheCacheAndNothingIntoTheTemporaryFolder()
      throws Exception {
    Path cache = temp.resolve("cache");
    Path tmpOne = Files.createDirectories(temp.resolve("tmp-1"));
    Path tmpTwo = Files.createDirectories(temp.resolve("tmp-2"));
    Process one = start(cache, tmpOne, temp.resolve("out-1.txt"));
    Process two = start(cache, tmpTwo, temp.resolve("out-2.txt"));
    finish(one, temp.resolve("out-1.txt"));
    finish(two, temp.resolve("out-2.txt"));

    // While the model was loaded, each process's temporary folder was empty; after exit too.
    assertEquals(List.of("END"), lines(temp.resolve("out-1.txt")));
    assertEquals(List.of("END"), lines(temp.resolve("out-2.txt")));
    assertEquals(List.of(), list(tmpOne));
    assertEquals(List.of(), list(tmpTwo));

    String platform = OnnxNativeFiles.platform();
    Path folder = cache.resolve("onnxruntime").resolve("1.20.0").resolve(platform);
    for (String library : List.of("onnxruntime", "onnxruntime4j_jni")) {
      String file = System.mapLibraryName(library);
      try (InputStream in = OrtEnvironment.class.getResourceAsStream("/ai/onnxruntime/native/" + platform + "/" + file)) {
        assertArrayEquals(in.readAllBytes(), Files.readAllBytes(folder.resolve(file)), file + " unpacked whole");
      }
    }
    assertEquals(List.of(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni")).stream()
        .sorted().toList(), list(folder), "no staging file left");
    assertTrue(Files.isDirectory(cache.resolve("tokenizers")), "the tokenizer's library is in the cache too");
  }

  private Process start(Path cache, Path tmp, Path out) throws IOException {
    return new ProcessBuilder(LoadModelMain.command("512m", tmp, cache))
        .redirectOutput(out.toFile())
        .redirectError(out.resolveSibling(out.getFileName() + ".err").toFile())
        .start();
  }

  private static void finish(Process process, Path out) throws Exception {
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the model did not load in " + TIMEOUT_SECONDS + " s");
    }
    Path err = out.resolveSibling(out.getFileName() + ".err");
    assertEquals(0, process.exitValue(), () -> "child failed: " + read(err));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
