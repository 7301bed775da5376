/**
 * The {@code archive bench} command: measures indexing, resync, search, ask, cold start and memory of the archive
 * against a SQLite FTS5 peer on the same corpus and the same query log, in the same run, and reports the figures as
 * a table and as JSON. Query logs, question logs and scaled corpora are generated at run time from the corpus with
 * a fixed seed, so every run measures the same work and nothing of the corpus is stored in the repository.
 */
package dev.dealarchive.bench;
