package dev.dealarchive.semantic;

import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.embed.EmbedderSettings;
import dev.dealarchive.embed.Embedders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Run in a fresh JVM by {@link NativeFilesTest} and {@link OtherBundledModelsTest}: loads the bundled model (or the
 * one named by the second argument) with the cache folder given as the first argument, embeds one question, then
 * prints what the temporary folder holds while the model is loaded (one entry a line, then {@code END}), and exits.
 */
public final class LoadModelMain {
  private LoadModelMain() {}

  public static void main(String[] args) throws Exception {
    EmbedderProvider provider =
        args.length < 2
            ? new BgeSmallProvider()
            : Embedders.providers().stream().filter(found -> found.name().equals(args[1])).findFirst().orElseThrow();
    try (Embedder model = provider.open(new EmbedderSettings(Path.of(args[0]), 1))) {
      if (model.embedQuery("Is Microsoft still OpenAI's only cloud provider?").length != model.dimension()) {
        System.exit(2);
      }
      try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
        entries.map(path -> path.getFileName().toString()).sorted().forEach(System.out::println);
      }
      System.out.println("END");
    }
  }
}
