package dev.dealarchive.bench;

/**
 * The text of one corpus article, as the query and question generators see it.
 *
 * @param id the article's id
 * @param title its title, possibly empty
 * @param body its body, possibly empty
 */
public record CorpusArticle(String id, String title, String body) {
  public CorpusArticle {
    id = id == null ? "" : id;
    title = title == null ? "" : title;
    body = body == null ? "" : body;
  }
}
