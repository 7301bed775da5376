package dev.dealarchive.search;

import dev.dealarchive.indexing.ArchiveFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Reads the index by article id, for whoever tells new articles from known ones (the bot's followed queries and
 * digests): which ids the index holds, and which of a set of articles match a query.
 */
public final class ArticleIds {
  private ArticleIds() {}

  /**
   * The ids of live articles for which {@code known} is false, in index order. Walks the id terms, so it costs one
   * pass over the id dictionary; segments whose every id is known are skipped when {@code skipLeaf} says so.
   *
   * @param skipLeaf called with each segment's core key; true skips the segment (its ids were all known before)
   * @param fullyKnown receives the core key of every segment whose ids all turned out known
   */
  public static List<String> unknown(IndexSearcher searcher, Predicate<String> known, Predicate<Object> skipLeaf,
      Collection<Object> fullyKnown) throws IOException {
    List<String> unknown = new ArrayList<>();
    for (LeafReaderContext context : searcher.getIndexReader().leaves()) {
      LeafReader leaf = context.reader();
      Object key = leaf.getCoreCacheHelper() == null ? null : leaf.getCoreCacheHelper().getKey();
      if (key != null && skipLeaf.test(key)) {
        continue;
      }
      Terms terms = leaf.terms(ArchiveFields.ID);
      boolean allKnown = true;
      if (terms != null) {
        Bits live = leaf.getLiveDocs();
        TermsEnum ids = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef id = ids.next(); id != null; id = ids.next()) {
          postings = ids.postings(postings, PostingsEnum.NONE);
          boolean alive = false;
          for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if (live == null || live.get(doc)) {
              alive = true;
              break;
            }
          }
          String text = id.utf8ToString();
          if (alive && !known.test(text)) {
            unknown.add(text);
            allKnown = false;
          }
        }
      }
      // A segment with deletions can lose documents but never gain them, so "all known" stays true for its core.
      if (allKnown && key != null) {
        fullyKnown.add(key);
      }
    }
    return unknown;
  }

  /**
   * The articles among {@code ids} that match every word, phrase and filter of {@code query} (all of them when the
   * query is blank), newest first, each with the passage that best matches the query as its snippet. Never relaxes
   * to any-word matching: an article that lacks a word of the query is not a match.
   *
   * @param limit most hits returned; the total counts every match
   */
  public static SearchResult searchAmong(IndexSearcher searcher, String query, Collection<String> ids, int limit)
      throws IOException {
    long started = System.nanoTime();
    if (ids.isEmpty()) {
      return new SearchResult(query == null ? "" : query, 0, List.of(), List.of(), System.nanoTime() - started);
    }
    boolean blank = query == null || query.isBlank();
    ParsedQuery parsed = QueryLanguage.parse(blank ? "" : query);
    Query matching = blank ? new MatchAllDocsQuery() : LuceneQueries.build(parsed, LuceneQueries.Match.ALL);
    List<BytesRef> terms = ids.stream().map(BytesRef::new).toList();
    Query among = new BooleanQuery.Builder()
        .add(matching, Occur.MUST)
        .add(new TermInSetQuery(ArchiveFields.ID, terms), Occur.FILTER)
        .build();
    TopFieldDocs top = searcher.search(among, Math.max(1, limit), ArticleSearch.newestOrder());
    MatchTerms marks = blank ? new MatchTerms(Set.of(), Set.of()) : MatchTerms.of(parsed.positiveParts());
    List<SearchHit> hits = ArticleSearch.hits(searcher, top, 0, marks, false);
    long total = ArticleSearch.totalOf(searcher, among, top.totalHits);
    return new SearchResult(query == null ? "" : query, total, hits, parsed.notices(), System.nanoTime() - started);
  }
}
