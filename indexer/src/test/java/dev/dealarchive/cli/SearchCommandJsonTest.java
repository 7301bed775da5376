package dev.dealarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dealarchive.search.SearchResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code search --json} keeps {@code total} a number and flags a lower bound only when there is one. */
class SearchCommandJsonTest {
  @Test
  void aLowerBoundTotalIsFlagged() {
    Map<String, Object> json = SearchCommand.toJson(new SearchResult("q", 1000, true, List.of(), List.of(), 1));
    assertEquals(1000L, json.get("total"));
    assertEquals(true, json.get("total_is_lower_bound"));
  }

  @Test
  void anExactTotalHasNoFlag() {
    Map<String, Object> json = SearchCommand.toJson(new SearchResult("q", 12, List.of(), List.of(), 1));
    assertEquals(12L, json.get("total"));
    assertFalse(json.containsKey("total_is_lower_bound"));
  }
}
