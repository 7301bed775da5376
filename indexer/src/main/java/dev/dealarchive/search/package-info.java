/**
 * Search: the query language ({@link dev.dealarchive.search.QueryLanguage}: words, quoted phrases, {@code -word},
 * {@code source:}, {@code tag:}, dates) turned into Lucene queries ({@link dev.dealarchive.search.LuceneQueries}),
 * run by {@link dev.dealarchive.search.ArticleSearch} (every word, else any word; relevance order with date and id
 * tie-breaks collected by {@link dev.dealarchive.search.RelevanceTop} so Lucene can skip, or newest first), with
 * snippets chosen from stored sentence boundaries ({@link dev.dealarchive.search.Passages}, {@link
 * dev.dealarchive.search.MatchWindows}) and facets counted in the search's own pass from per-segment columns ({@link
 * dev.dealarchive.search.FacetCounts}, {@link dev.dealarchive.search.FacetColumns}). Results are records ({@link
 * dev.dealarchive.search.SearchResult}, {@link dev.dealarchive.search.SearchHit}); nothing here writes.
 */
package dev.dealarchive.search;
