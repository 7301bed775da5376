package dev.dealarchive.indexing;

import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * The codec every writer of the archive uses: Lucene's default with the passage vectors' format (as every codec of
 * the archive), and stored fields written uncompressed in chunks of 16 KB.
 *
 * <p>Why uncompressed: a search reads the stored fields of its ten hits, each in another chunk. Lucene's default
 * (LZ4 with a preset dictionary, 80 KB chunks) decompressed a chunk's dictionary and the tenth of the chunk holding
 * the document for every one: about 14 µs per hit on Reuters-21578, a fifth of a search's CPU. Chunks of 16 KB
 * ({@link ArchiveCodec1}, the codec before this one) brought it to about 4.4 µs; uncompressed it is a copy of the
 * document's own bytes, about 1.5 µs, for stored fields about 35% larger than with 16 KB LZ4 chunks (14.4 → 19.5 MB;
 * the whole index about 18% larger). Measured in docs/benchmarks.md ("Search: what a hit costs").
 *
 * <p>The codec is registered by name ({@value #NAME}) through {@code META-INF/services}, as Lucene requires to read
 * a segment back, beside {@link ArchiveCodec1} for segments written before it (and Lucene's own codecs for older
 * ones): all stay readable, and a merge rewrites them with this codec. An index written by this codec cannot be
 * opened by an archive version older than it.
 */
public final class ArchiveCodec extends ArchiveCodecBase {
  /** The name recorded in each segment this codec writes. */
  public static final String NAME = "DealArchive2";

  /** Stored-fields chunk size in bytes; see the class comment. */
  static final int STORED_CHUNK_BYTES = 16 * 1024;

  /** Lucene instantiates codecs by name through this constructor. */
  public ArchiveCodec() {
    super(NAME, new Lucene90CompressingStoredFieldsFormat(
        "DealArchiveStoredFields2", UncompressedStoredFields.INSTANCE, STORED_CHUNK_BYTES, 128, 10));
  }
}
