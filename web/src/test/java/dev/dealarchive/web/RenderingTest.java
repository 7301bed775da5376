package dev.dealarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.SortOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The page's cheaper writers produce exactly what escaping the plain forms produces. */
class RenderingTest {
  private static final String[] PIECES = {"", "a", "&", "<b>", "\"", "'", "é", "–", " ", "x&y", "100%", "+", "日本", "?=#"};

  private static String random(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(5); i > 0; i--) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  @Test
  void aUrlInAnAttributeIsTheEscapedUrl() {
    Random random = new Random(14);
    for (int round = 0; round < 2_000; round++) {
      List<String> sources = new ArrayList<>();
      List<String> tags = new ArrayList<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        sources.add(random(random));
      }
      for (int i = random.nextInt(3); i > 0; i--) {
        tags.add(random(random));
      }
      LocalDate from = random.nextBoolean() ? null : LocalDate.of(1980 + random.nextInt(50), 1, 1).plusDays(random.nextInt(365));
      LocalDate to = random.nextBoolean() ? null : LocalDate.of(1980 + random.nextInt(50), 1, 1).plusDays(random.nextInt(365));
      SearchState state = new SearchState(random(random), sources, tags, from, to,
          random.nextBoolean() ? SortOrder.RELEVANCE : SortOrder.NEWEST, 1 + random.nextInt(3));
      assertEquals(Html.escape(state.url()), state.htmlUrl(), state.toString());
    }
    assertEquals("/", SearchState.empty().htmlUrl());
    assertEquals("/", SearchState.empty().url());
    assertEquals("/?q=a+%26+b&amp;tag=x&amp;page=2",
        new SearchState("a & b", List.of(), List.of("x"), null, null, SortOrder.RELEVANCE, 2).htmlUrl());
  }

  @Test
  void markedTextAppendedIsTheMarkedString() {
    Random random = new Random(15);
    for (int round = 0; round < 2_000; round++) {
      String text = random(random) + random(random) + random(random);
      List<MarkedText.Span> marks = new ArrayList<>();
      int at = 0;
      while (at < text.length() && random.nextInt(3) > 0) {
        int start = at + random.nextInt(text.length() - at + 1);
        int end = start + random.nextInt(text.length() - start + 1);
        marks.add(new MarkedText.Span(start, end));
        at = end;
      }
      MarkedText marked = new MarkedText(text, marks);
      StringBuilder out = new StringBuilder("before");
      assertEquals("before" + marked.render("<mark>", "</mark>", Html::escape), Html.marked(out, marked).toString(),
          marked.toString());
      assertEquals(marked.render("<mark>", "</mark>", Html::escape), Html.marked(marked), marked.toString());
    }
    MarkedText outside = new MarkedText("abc", List.of(new MarkedText.Span(2, 5)));
    assertThrows(StringIndexOutOfBoundsException.class, () -> Html.marked(outside));
    assertThrows(StringIndexOutOfBoundsException.class, () -> Html.marked(new StringBuilder(), outside));
  }
}
