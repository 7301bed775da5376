package dev.dealarchive.indexing;

import org.apache.lucene.codecs.lucene90.LZ4WithPresetDictCompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * The archive's first codec ({@value #NAME}): stored fields compressed with LZ4 and a preset dictionary in chunks of
 * 16 KB. No longer written ({@link ArchiveCodec} is); kept, and registered by name, so that segments written by
 * earlier versions of the archive stay readable until a merge rewrites them.
 */
public final class ArchiveCodec1 extends ArchiveCodecBase {
  /** The name recorded in the segments this codec wrote. */
  public static final String NAME = "DealArchive1";

  /** Lucene instantiates codecs by name through this constructor. */
  public ArchiveCodec1() {
    super(NAME, new Lucene90CompressingStoredFieldsFormat(
        "DealArchiveStoredFields1", new LZ4WithPresetDictCompressionMode(), ArchiveCodec.STORED_CHUNK_BYTES, 128, 10));
  }
}
