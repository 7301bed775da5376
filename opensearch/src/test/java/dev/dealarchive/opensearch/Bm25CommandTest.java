package dev.dealarchive.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.answer.AnswerSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code archive opensearch-bm25} without a cluster: usage errors, and the message that names the command. */
class Bm25CommandTest {
  static int run(StringWriter err, Map<String, String> environment, String... args) {
    Bm25Command command = new Bm25Command();
    command.environment(environment);
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(new StringWriter()));
    line.setErr(new PrintWriter(err));
    int code = line.execute(args);
    line.getErr().flush();
    return code;
  }

  @Test
  void aChangeNeedsBothParametersAndACluster() {
    StringWriter err = new StringWriter();
    assertEquals(64, run(err, Map.of(ClusterConfig.URL_VARIABLE, "http://127.0.0.1:1"), "--k1", "1.2"));
    assertTrue(err.toString().contains("give both --k1 and --b"), err.toString());
    err = new StringWriter();
    assertEquals(64, run(err, Map.of(), "--k1", "1.2", "--b", "0.75"));
    assertTrue(err.toString().contains("--opensearch URL or ARCHIVE_OPENSEARCH_URL"), err.toString());
  }

  @Test
  void theClusterOptionsAreTheSharedOnesAndComeBeforeTheVariables() {
    StringWriter err = new StringWriter();
    Map<String, String> environment = Map.of(ClusterConfig.URL_VARIABLE, "http://127.0.0.1:1");
    assertEquals(64, run(err, environment, "--opensearch", "ftp://search.example.com"));
    assertTrue(err.toString().contains("must start with http:// or https://"), err.toString());
    err = new StringWriter();
    assertEquals(64, run(err, environment, "--opensearch-index", "Not A Name"));
    assertTrue(err.toString().contains("not a usable OpenSearch index name: \"Not A Name\""), err.toString());
    err = new StringWriter();
    assertEquals(64, run(err, Map.of(ClusterConfig.INDEX_VARIABLE, "Bad"), "--opensearch", "http://127.0.0.1:1"));
    assertTrue(err.toString().contains("\"Bad\""), "the variable stands in for a missing option: " + err);

    String help = new CommandLine(new Bm25Command()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    assertTrue(help.contains("--opensearch=URL[,URL...]") && help.contains("$ARCHIVE_OPENSEARCH_URL"), help);
    assertTrue(help.contains("--opensearch-index=NAME") && help.contains("$ARCHIVE_OPENSEARCH_INDEX, else"), help);
    assertTrue(!help.contains("--index=") && !help.contains("--shards"), "only the cluster's options: " + help);
  }

  @Test
  void theRefusalSaysTheValuesInForceAndTheCommandThatChangesThem() {
    ClusterConfig config = new ClusterConfig(List.of(URI.create("https://search.example.com:9200")), "deals", null,
        null);
    String message = Bm25.mismatch(config, new Bm25(0.9f, 0.4f), new Bm25(1.2f, 0.75f)).getMessage();
    assertTrue(message.contains("score with BM25 k1 0.9, b 0.4"), message);
    assertTrue(message.contains("archive opensearch-bm25 --opensearch https://search.example.com:9200 "
        + "--opensearch-index deals --k1 1.2 --b 0.75"), message);
    assertEquals(new Bm25(0.9f, 0.4f), Bm25.of(AnswerSettings.defaults()));
  }
}
