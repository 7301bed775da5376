package dev.dealarchive.indexing;

/**
 * Figures about an index's vectors.
 *
 * @param state what the last commit records (on or off, model, dimension)
 * @param passages passage documents, each with one vector
 * @param embedded articles whose passages were embedded with the recorded model
 * @param waiting articles still waiting for vectors (new or changed since the last embedding, or embedded with
 *     another model); 0 for a keyword-only index
 */
public record VectorStats(VectorState state, long passages, long embedded, long waiting) {}
