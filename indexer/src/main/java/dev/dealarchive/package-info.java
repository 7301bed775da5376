/**
 * The archive's read side: {@link dev.dealarchive.Archive} opens an index folder for searching and answering (one
 * searcher manager refreshed in the background). Writes go through {@link dev.dealarchive.engine.IndexFolder}; the
 * command line and the bot reach both through {@link dev.dealarchive.engine.ArchiveEngine}. The packages below hold
 * the pieces: {@code article} (the model), {@code read} (input formats), {@code indexing} (schema and writing),
 * {@code search}, {@code answer}, {@code embed} and {@code hybrid} (ranking by meaning), {@code watch} and
 * {@code fetch} (new articles), {@code cli}.
 */
package dev.dealarchive;
