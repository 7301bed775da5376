package dev.dealarchive.opensearch;

import dev.dealarchive.answer.AskResult;
import dev.dealarchive.engine.EngineSettings;
import dev.dealarchive.search.ScoredArticle;
import java.io.IOException;
import java.util.List;

/** Answers questions from the passages of the articles the cluster returns. */
final class ClusterAnswers {
  private final ClusterClient client;
  private final EngineSettings settings;

  ClusterAnswers(ClusterClient client, EngineSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  AskResult ask(String question, int limit) throws IOException {
    throw new UnsupportedOperationException("in progress " + client + settings);
  }

  List<ScoredArticle> rank(String question, int depth) throws IOException {
    throw new UnsupportedOperationException("in progress");
  }
}
