/**
 * Ranking by meaning and words: {@link dev.dealarchive.hybrid.SemanticSide} ranks articles by their passage nearest
 * to the question's vector (kNN restricted by the query language's filters), {@link dev.dealarchive.hybrid.Fusion}
 * merges that with the keyword ranking (convex combination of min-max normalised scores by default, or reciprocal
 * rank fusion; {@link dev.dealarchive.hybrid.HybridSettings}), and {@link dev.dealarchive.hybrid.HybridReranker}
 * reorders a relevance-sorted search's matches the same way without changing what matches. The question is embedded
 * by a {@link dev.dealarchive.hybrid.QueryEmbedder}, so the model loads only when a command ranks by meaning.
 */
package dev.dealarchive.hybrid;
