package dev.dealarchive.indexing;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene90.LZ4WithPresetDictCompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues;

/**
 * The codec every writer of the archive uses: Lucene's default, with HNSW over int8 scalar-quantized vectors for
 * {@link ArchiveFields#PASSAGE_VECTOR}, and stored fields compressed in chunks of 16 KB instead of 80 KB.
 *
 * <p>Why the smaller chunks: a search reads the stored fields of its ten hits, each in another chunk, and Lucene
 * decompresses a chunk's shared dictionary and the sub-block that holds the document (a tenth of the chunk) for
 * every one. With Lucene's 80 KB chunks that was about 14 µs per hit on Reuters-21578, a fifth of a search's CPU;
 * with 16 KB chunks (the same LZ4 with a preset dictionary) it is about 4 µs, for stored fields about 15% larger
 * (12.3 → 14.1 MB; the whole index about 7% larger). Uncompressed stored fields read in about 1.3 µs but are 56%
 * larger; 8 KB chunks read in 3.3 µs for 24% larger (measured, docs/benchmarks.md).
 *
 * <p>The codec is registered by name ({@value #NAME}) through {@code META-INF/services}, as Lucene requires to read
 * a segment back. Segments written before it (codec {@code Lucene104}) stay readable, and a merge rewrites them with
 * this codec; an index written by this codec cannot be opened by an archive version older than it.
 */
public final class ArchiveCodec extends FilterCodec {
  /** The name recorded in each segment this codec writes. */
  public static final String NAME = "DealArchive1";

  /** Stored-fields chunk size in bytes; see the class comment. */
  static final int STORED_CHUNK_BYTES = 16 * 1024;

  private final StoredFieldsFormat storedFields =
      new Lucene90CompressingStoredFieldsFormat(
          "DealArchiveStoredFields1", new LZ4WithPresetDictCompressionMode(), STORED_CHUNK_BYTES, 128, 10);

  /** Lucene instantiates codecs by name through this constructor. */
  public ArchiveCodec() {
    super(NAME, withPassageVectors());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }

  private static Codec withPassageVectors() {
    return new Lucene104Codec() {
      private final KnnVectorsFormat passages =
          new Lucene104HnswScalarQuantizedVectorsFormat(QuantizedByteVectorValues.ScalarEncoding.UNSIGNED_BYTE, 16, 100);

      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return ArchiveFields.PASSAGE_VECTOR.equals(field) ? passages : super.getKnnVectorsFormatForField(field);
      }
    };
  }
}
