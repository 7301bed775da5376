package dev.dealarchive.cli;

import dev.dealarchive.answer.AskResult;
import dev.dealarchive.generate.Generation;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.VectorStats;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The JSON objects of {@code archive search --json}, {@code archive ask --json} and {@code archive stats --json}, for
 * other surfaces (the web API) that must answer with exactly the same objects. Maps keep the CLI's key order.
 */
public final class JsonViews {
  private JsonViews() {}

  /** The object {@code archive search --json} prints for {@code result}. */
  public static Map<String, Object> search(SearchResult result) {
    return SearchCommand.toJson(result);
  }

  /** The object {@code archive ask --json} prints for {@code result}. */
  public static Map<String, Object> ask(AskResult result) {
    return AskCommand.toJson(result);
  }

  /** The object {@code archive ask --json} prints for {@code result} when a model wrote {@code generation}. */
  public static Map<String, Object> ask(AskResult result, Generation generation) {
    return AskCommand.toJson(result, generation);
  }

  /** The object {@code archive stats --json} prints for the index in {@code index}, vectors included. */
  public static Map<String, Object> stats(Path index, ArchiveStats stats, VectorStats vectors) throws IOException {
    return StatsCommand.toJson(index, stats, vectors);
  }

  /**
   * The object {@code archive stats --json} prints for the index in {@code index}, without the vectors' figures.
   *
   * @throws IOException when the index folder's channel settings are damaged (naming the file)
   */
  public static Map<String, Object> stats(Path index, ArchiveStats stats) throws IOException {
    return StatsCommand.toJson(index, stats);
  }

  /** Writes a value as the command line does: one compact JSON object. */
  public static String write(Object value) {
    return Json.write(value);
  }
}
