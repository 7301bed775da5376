package dev.dealarchive.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalReportTest {
  private final EvalReport report = new EvalReport(
      "bm25",
      2,
      1,
      values(0.5, 0.75, 1.0, 0.25),
      List.of(
          new QueryScores("q1", 2, 10, values(1.0, 1.5, 2.0, 0.5)),
          new QueryScores("long-query-id", 1, 0, values(0.0, 0.0, 0.0, 0.0))));

  @Test
  void formatAlignsMeansToFourDecimalsUnderTheRunAndQueryCount() {
    assertEquals("""
        run      bm25
        queries  2 (1 without results)
        nDCG@10  0.5000
        R@100    0.7500
        R@1000   1.0000
        MRR@10   0.2500
        """, report.format());
  }

  @Test
  void formatPerQueryAlignsOneLinePerQuery() {
    assertEquals("""
        query          nDCG@10   R@100  R@1000  MRR@10
        q1              1.0000  1.5000  2.0000  0.5000
        long-query-id   0.0000  0.0000  0.0000  0.0000
        """, report.formatPerQuery());
  }

  @Test
  void meanLooksUpByMetric() {
    assertEquals(0.75, report.mean(Metric.RECALL_100));
    assertEquals(0.5, report.perQuery().get(0).value(Metric.MRR_10));
  }

  @Test
  void serializesToJsonAsPlainFields() throws Exception {
    JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report));

    assertEquals("bm25", json.get("runTag").asText());
    assertEquals(2, json.get("queries").asInt());
    assertEquals(1, json.get("queriesWithoutResults").asInt());
    assertEquals(List.of("nDCG@10", "R@100", "R@1000", "MRR@10"), fieldNames(json.get("means")));
    assertEquals(0.5, json.get("means").get("nDCG@10").asDouble());
    JsonNode first = json.get("perQuery").get(0);
    assertEquals("q1", first.get("queryId").asText());
    assertEquals(2, first.get("relevant").asInt());
    assertEquals(10, first.get("retrieved").asInt());
    assertEquals(1.5, first.get("values").get("R@100").asDouble());
    assertEquals(List.of("queryId", "relevant", "retrieved", "values"), fieldNames(first));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Map<String, Double> values(double ndcg, double r100, double r1000, double mrr) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put(Metric.NDCG_10.label(), ndcg);
    values.put(Metric.RECALL_100.label(), r100);
    values.put(Metric.RECALL_1000.label(), r1000);
    values.put(Metric.MRR_10.label(), mrr);
    return values;
  }
}
