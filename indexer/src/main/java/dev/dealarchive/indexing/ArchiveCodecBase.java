package dev.dealarchive.indexing;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues;

/**
 * What the archive's codecs share: Lucene's default codec, HNSW over int8 scalar-quantized vectors for {@link
 * ArchiveFields#PASSAGE_VECTOR}, and a stored-fields format of their own (the one thing that tells them apart).
 */
abstract class ArchiveCodecBase extends FilterCodec {
  private final StoredFieldsFormat storedFields;

  ArchiveCodecBase(String name, StoredFieldsFormat storedFields) {
    super(name, withPassageVectors());
    this.storedFields = storedFields;
  }

  @Override
  public final StoredFieldsFormat storedFieldsFormat() {
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
