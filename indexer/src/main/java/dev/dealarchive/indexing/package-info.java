/**
 * The Lucene schema and the writing of the index.
 *
 * <p>Schema (version 3): {@link dev.dealarchive.indexing.ArchiveFields} (every field name, one place), {@link
 * dev.dealarchive.indexing.ArchiveAnalyzers}, {@link dev.dealarchive.indexing.ArticleDocuments} (one field per role,
 * as Lucene's demo {@code IndexFiles}), {@link dev.dealarchive.indexing.ArticleDocValues} (the id's and the date's doc
 * values, read alike from schema 2 and 3), {@link dev.dealarchive.indexing.SchemaCheck} (which versions are read) and
 * {@link dev.dealarchive.indexing.SchemaUpgrade} (a schema-2 index rewritten in place by its first writer).
 *
 * <p>Writing, as a pull pipeline: {@link dev.dealarchive.indexing.ArchiveIndexer} runs every write as one transaction
 * (snapshot, writes, one commit, manifest saved after it, rollback on failure). Inside it, {@code InputScan} walks the
 * inputs by the one {@link dev.dealarchive.indexing.ArticleFiles} rule and skips unchanged files by the {@link
 * dev.dealarchive.indexing.FileManifest}; each changed file is an {@code ArticleSource} that the indexer pulls from;
 * {@code ArticleStore} gives each article its id, holds back duplicates and writes or deletes documents through {@code
 * DocumentSink}'s threads. Callers outside get a writer from {@code dev.dealarchive.engine.IndexFolder}.
 */
package dev.dealarchive.indexing;
