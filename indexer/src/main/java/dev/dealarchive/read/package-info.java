/**
 * Readers for every input format: Markdown with front matter, plain text, HTML, JSON and JSON lines, RSS and Atom
 * feeds. {@link dev.dealarchive.read.Readers} picks the reader for a file.
 */
package dev.dealarchive.read;
