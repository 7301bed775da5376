package dev.dealarchive.indexing;

import java.io.IOException;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Stored fields written as they are, without compression: reading a hit's fields is then a copy of its own bytes,
 * where LZ4 first decompressed a chunk's dictionary and the part of the chunk holding the document (see {@link
 * ArchiveCodec} for the figures). One instance, so that merges copy whole chunks of segments written by it.
 */
final class UncompressedStoredFields extends CompressionMode {
  static final UncompressedStoredFields INSTANCE = new UncompressedStoredFields();

  private UncompressedStoredFields() {}

  @Override
  public Compressor newCompressor() {
    return new Compressor() {
      @Override
      public void compress(ByteBuffersDataInput buffersInput, DataOutput out) throws IOException {
        out.copyBytes(buffersInput, buffersInput.length());
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public Decompressor newDecompressor() {
    return new Decompressor() {
      @Override
      public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
          throws IOException {
        if (offset < 0 || length < 0 || offset + length > originalLength) {
          throw new CorruptIndexException(
              "stored fields [" + offset + ", " + (offset + length) + ") lie outside a chunk of " + originalLength, in);
        }
        in.skipBytes(offset);
        bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
        in.readBytes(bytes.bytes, 0, length);
        bytes.offset = 0;
        bytes.length = length;
      }

      @Override
      public Decompressor clone() {
        return this;
      }
    };
  }

  @Override
  public String toString() {
    return "uncompressed";
  }
}
