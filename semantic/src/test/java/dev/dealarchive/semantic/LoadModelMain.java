package dev.dealarchive.semantic;

import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.embed.EmbedderSettings;
import dev.dealarchive.embed.Embedders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run in a fresh JVM by {@link NativeFilesTest} and {@link OtherBundledModelsTest}: loads the bundled model (or the
 * one named by the second argument) with the cache folder given as the first argument, embeds one question, then
 * prints what the temporary folder holds while the model is loaded (one entry a line, then {@code END}), and exits.
 */
public final class LoadModelMain {
  private LoadModelMain() {}

  /**
   * The command line that runs this class in a fresh JVM of this one's class path, with {@code heap} ({@code -Xmx}),
   * {@code tmp} as its temporary folder, {@code cache} as the model's cache folder and, when given, the model named
   * {@code model}.
   */
  static List<String> command(String heap, Path tmp, Path cache, String... model) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.add("-Xmx" + heap);
    command.add("-Dfile.encoding=UTF-8");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Djava.io.tmpdir=" + tmp);
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LoadModelMain.class.getName());
    command.add(cache.toString());
    command.addAll(List.of(model));
    return command;
  }

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
