package dev.dealarchive.read;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Extracts readable text from HTML: one paragraph per line with a blank line between paragraphs, list items and table
 * rows on lines of their own, so that sentence splitting works on the result.
 */
public final class HtmlText {
  private static final Set<String> PARAGRAPH_TAGS =
      Set.of(
          "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5",
          "h6", "blockquote", "pre", "ul", "ol", "dl", "table", "figure", "figcaption", "hr", "address", "details",
          "summary", "form", "fieldset", "body");
  private static final Set<String> LINE_TAGS = Set.of("li", "dt", "dd", "tr", "caption");
  private static final Set<String> CELL_TAGS = Set.of("td", "th");

  private HtmlText() {}

  /**
   * The text of an HTML fragment, such as the content or summary of a feed entry, after removing scripts, styles and
   * other boilerplate.
   *
   * @param html HTML markup, possibly malformed, or plain text
   * @return the text, possibly empty
   */
  public static String ofFragment(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Element body = Jsoup.parseBodyFragment(html).body();
    PageCleaner.removeBoilerplate(body);
    return of(body);
  }

  /**
   * The text of {@code root} and its descendants, as they are (no boilerplate is removed).
   *
   * @return the text, possibly empty
   */
  public static String of(Element root) {
    TextCollector collector = new TextCollector();
    NodeTraversor.traverse(collector, root);
    return collector.out.toString();
  }

  private static final class TextCollector implements NodeVisitor {
    private final ParagraphBuilder out = new ParagraphBuilder();
    private int preformattedDepth;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        appendText(text.getWholeText());
      } else if (node instanceof Element element) {
        String tag = element.normalName();
        if (tag.equals("br")) {
          out.lineBreak();
        } else if (tag.equals("pre")) {
          preformattedDepth++;
        }
        breakAround(tag);
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element) {
        String tag = element.normalName();
        if (tag.equals("pre")) {
          preformattedDepth--;
        }
        breakAround(tag);
      }
    }

    private void appendText(String text) {
      if (preformattedDepth == 0) {
        out.appendInline(text);
        return;
      }
      // Preformatted text keeps its lines; each becomes a line of its own.
      boolean first = true;
      for (String line : text.split("\\R", -1)) {
        if (!first) {
          out.lineBreak();
        }
        out.appendInline(line);
        first = false;
      }
    }

    private void breakAround(String tag) {
      if (PARAGRAPH_TAGS.contains(tag)) {
        out.paragraphBreak();
      } else if (LINE_TAGS.contains(tag)) {
        out.lineBreak();
      } else if (CELL_TAGS.contains(tag)) {
        out.wordBreak();
      }
    }
  }
}
