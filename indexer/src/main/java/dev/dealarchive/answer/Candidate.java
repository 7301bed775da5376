package dev.dealarchive.answer;

import dev.dealarchive.search.SearchHit;

/**
 * An article read for an answer: the article, its best passage, how well it was retrieved (0 to 1, the best
 * article 1), how close it comes to the best article (see {@link ArticleRanker.Ranked#relevance()}) and the
 * resulting answer score, which decides the answer's article, and the article's title and body (for calibration).
 */
record Candidate(
    SearchHit hit,
    PassagePicker.Pick pick,
    double retrieval,
    double relevance,
    double answerScore,
    String title,
    String body) {
  Candidate withAnswerScore(double score) {
    return new Candidate(hit, pick, retrieval, relevance, score, title, body);
  }

  /**
   * The article's title and body as one text, made only when asked: calibration reads it for the chosen answer alone,
   * so the other candidates' bodies are not copied.
   */
  String articleText() {
    return (title == null ? "" : title) + "\n" + (body == null ? "" : body);
  }
}
