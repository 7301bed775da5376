package dev.dealarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealarchive.cli.ArchiveCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code archive web-bench} runs its mix against a real server and reports every request it timed. */
class WebBenchCommandTest {
  @TempDir Path temp;

  @Test
  void timesEveryKindOfRequestAndReportsTheLoad() throws Exception {
    Path index;
    try (WebFixture fixture = WebFixture.start(temp, WebSettings.loopback(0))) {
      index = fixture.index;
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ArchiveCommand.run(new PrintWriter(out), new PrintWriter(err), "web-bench", "--index", index.toString(),
        "--clients", "4", "--requests", "200", "--warmup", "20", "--warmup-together", "8", "--json");
    assertEquals(0, code, err.toString());
    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertEquals(20, report.get("warmup").asInt());
    assertEquals(8, report.get("warmup_together").asInt());
    assertEquals(200, report.get("all").get("count").asInt());
    long kinds = 0;
    for (String kind : new String[] {"page", "api_search", "api_ask", "article"}) {
      assertTrue(report.get(kind).get("count").asInt() > 0, kind + " " + report);
      kinds += report.get(kind).get("count").asInt();
      assertTrue(report.get(kind).get("p99_ms").asDouble() >= report.get(kind).get("p50_ms").asDouble());
    }
    assertEquals(200, kinds);
    assertTrue(report.get("load_before").asText().matches("[0-9.]+, [0-9.]+, [0-9.]+|unknown"), report.toString());
    assertTrue(report.get("cores").asInt() > 0 && !report.get("machine").asText().isBlank(), report.toString());
    assertEquals(index.toString(), report.get("index").asText());
    double clientCpu = report.get("client_cpu_ms_per_request").asDouble();
    assertTrue(clientCpu > 0 && clientCpu <= report.get("java_threads_cpu_ms_per_request").asDouble(), report.toString());
    assertTrue(report.get("cache_reused").asLong() + report.get("cache_read").asLong() > 0, report.toString());
    long pauses = report.get("gc_pauses_during").asLong();
    long pauseMillis = report.get("gc_pause_ms_during").asLong();
    assertTrue(pauses >= 0 && report.get("gc_longest_pause_ms").asLong() <= pauseMillis, report.toString());
    double repeated = report.get("repeated_share").asDouble();
    assertTrue(repeated >= 0 && repeated < 1, report.toString());
  }

  @Test
  void refusesAConcurrentWarmUpLongerThanTheWarmUp() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ArchiveCommand.run(new PrintWriter(out), new PrintWriter(err), "web-bench", "--index",
        temp.resolve("never-opened").toString(), "--warmup", "20", "--warmup-together", "30");
    assertEquals(64, code, err.toString());
    assertTrue(err.toString().contains("--warmup-together between 0 and --warmup"), err.toString());
  }
}
