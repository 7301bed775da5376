package dev.dealarchive.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A hand-written three-article corpus for the bench's tests. */
final class SmallCorpus {
  private SmallCorpus() {}

  static final List<String> LINES =
      List.of(
          "{\"id\":\"a1\",\"title\":\"Cocoa review\",\"body\":\"Showers continued in the Bahia cocoa zone. Comissaria"
              + " Smith said arrivals rose. Farmers sold cocoa held on consignment.\",\"published\":\"1987-02-26\","
              + "\"source\":\"Reuters\",\"url\":\"https://example.com/a1\",\"authors\":[],\"tags\":[\"cocoa\"]}",
          "{\"id\":\"a2\",\"title\":\"Wheat exports\",\"body\":\"The Agriculture Department said wheat exports fell."
              + " Exporters blamed cocoa-free weather and Soviet buying.\",\"published\":\"1987-03-01\","
              + "\"source\":\"Reuters\",\"url\":\"https://example.com/a2\",\"authors\":[],\"tags\":[\"wheat\"]}",
          "{\"id\":\"a3\",\"title\":\"Merger talks\",\"body\":\"Texaco Inc said it held merger talks with Pennzoil about"
              + " cocoa plantations. Analysts expect a deal.\",\"published\":\"1987-03-02\",\"source\":\"Reuters\","
              + "\"url\":\"https://example.com/a3\",\"authors\":[],\"tags\":[\"acq\"]}");

  static Path write(Path folder) throws IOException {
    Path file = folder.resolve("articles.jsonl");
    Files.write(file, LINES, StandardCharsets.UTF_8);
    return file;
  }
}
