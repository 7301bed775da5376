package dev.dealarchive.read;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** Removes what is not article text from a web page: navigation, scripts, share buttons, comments, ads and the like. */
final class PageCleaner {
  private static final String BOILERPLATE_ELEMENTS =
      "nav, header, footer, aside, script, style, noscript, form, iframe, template, svg, button, dialog, "
          + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [hidden], "
          + "[aria-hidden=true]";
  private static final Set<String> BOILERPLATE_WORDS =
      Set.of(
          "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing", "social",
          "comment", "comments", "disqus", "related", "recommended", "ad", "ads", "advert", "adverts",
          "advertisement", "sponsored", "promo", "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe",
          "sidebar", "popup", "modal", "masthead", "footer", "pagination", "pager");
  private static final Pattern CAMEL_CASE_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
  private static final Pattern WORD_SEPARATOR = Pattern.compile("[^a-z0-9]+");

  private PageCleaner() {}

  /**
   * Removes boilerplate descendants of {@code root}: elements that are never article text by their tag or role, and
   * elements whose class or id names navigation, sharing, comments, related links, ads or cookie notices. An element
   * holding most of the paragraphs is kept whatever its name, because a wrapper called {@code has-sidebar} is
   * content.
   */
  static void removeBoilerplate(Element root) {
    for (Element element : root.select(BOILERPLATE_ELEMENTS)) {
      if (element != root) {
        element.remove();
      }
    }
    int paragraphs = root.select("p").size();
    for (Element element : root.select("[class], [id]")) {
      if (element != root && isNamedAsBoilerplate(element) && !holdsMostParagraphs(element, paragraphs)) {
        element.remove();
      }
    }
  }

  static boolean isNamedAsBoilerplate(Element element) {
    String names = element.className() + " " + element.id();
    String words = CAMEL_CASE_BOUNDARY.matcher(names).replaceAll("-").toLowerCase(Locale.ROOT);
    for (String word : WORD_SEPARATOR.split(words)) {
      if (BOILERPLATE_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean holdsMostParagraphs(Element element, int paragraphs) {
    return paragraphs >= 2 && element.select("p").size() * 2 > paragraphs;
  }
}
