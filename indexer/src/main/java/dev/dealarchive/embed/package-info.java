/**
 * Meaning-based retrieval: the embedding model seam, how articles are cut into passages, and kNN search over the
 * passages' vectors.
 *
 * <h2>The model</h2>
 * {@link dev.dealarchive.embed.Embedder} is the model (id, version, dimension, {@code embedQuery}, {@code
 * embedPassages}; thread-safe; {@link java.lang.AutoCloseable}). Get one with {@link
 * dev.dealarchive.embed.Embedders#open()}, which finds an {@link dev.dealarchive.embed.EmbedderProvider} by {@link
 * java.util.ServiceLoader} (the {@code semantic} module provides BAAI bge-small-en-v1.5, int8 ONNX, inside its jar)
 * and loads the model then, not before: this module has no ONNX dependency and a keyword search loads no model
 * class. {@link dev.dealarchive.embed.Embedders#provider()} tells, without loading, whether a model is present and
 * its key. The model's runtime writes only under {@link dev.dealarchive.embed.Embedders#cacheDir()}.
 *
 * <h2>Passages</h2>
 * {@link dev.dealarchive.embed.PassageSplitter} cuts an article's body into {@link dev.dealarchive.embed.Passage}s:
 * sentence-aligned (the answer side's sentences), up to 3 sentences and 100 words, no overlap; the model embeds
 * {@code title + "\n" + passage} ({@link dev.dealarchive.embed.Passage#embeddingText}). A body-less article has one
 * passage: its title.
 *
 * <h2>In the index</h2>
 * See {@link dev.dealarchive.indexing.ArticleBlocks}: an article with vectors is a block of passage documents
 * followed by the article document (block join); a passage document has only {@code passage_*} fields
 * ({@link dev.dealarchive.indexing.ArchiveFields#PASSAGE_VECTOR} etc.), so text queries never match it; article
 * listings use {@link dev.dealarchive.indexing.ArticleBlocks#articles()} instead of match-all. The article document
 * records the model it was embedded with ({@link dev.dealarchive.indexing.ArchiveFields#EMBEDDED_WITH}); the commit
 * records the index's model key ({@link dev.dealarchive.indexing.ArchiveFields#EMBEDDING_MODEL_KEY}).
 *
 * <h2>Searching by meaning</h2>
 * <pre>{@code
 * try (Embedder model = Embedders.open()) {
 *   float[] q = model.embedQuery("is Microsoft still OpenAI's only cloud provider?");
 *   Query filter = ...;   // article-level filters, e.g. LuceneQueries.filters(parsed) as FILTER clauses, or null
 *   List<VectorSearch.PassageHit> hits = VectorSearch.search(searcher, q, filter, 50);
 *   // hit.articleDoc(): the article; hit.passageDoc(): its nearest passage (VectorSearch.passage(...)); hit.score()
 * }
 * }</pre>
 */
package dev.dealarchive.embed;
