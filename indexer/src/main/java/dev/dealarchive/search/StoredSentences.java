package dev.dealarchive.search;

import dev.dealarchive.indexing.ArchiveFields;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * The sentence boundaries of an article's body, cut once when the article is indexed and stored beside it
 * ({@code ArchiveFields.BODY_SENTENCES}), so a search's snippets need no sentence breaking: {@link
 * java.text.BreakIterator} over each hit's body was about a tenth of a search's CPU. The boundaries are those of
 * {@link Passages#sentences(String)}, written as variable-length integers: for each sentence the gap from the end of
 * the one before, then its length (about two bytes per sentence).
 */
public final class StoredSentences {
  private StoredSentences() {}

  /** The stored form of the sentences of {@code body}. */
  public static byte[] of(String body) {
    return encode(Passages.sentences(body));
  }

  /** The stored form of {@code sentences} (in text order, not overlapping). */
  static byte[] encode(List<Passages.Sentence> sentences) {
    byte[] out = new byte[sentences.size() * 4 + 8];
    int length = 0;
    int previousEnd = 0;
    for (Passages.Sentence sentence : sentences) {
      out = ArrayUtil.grow(out, length + 10);
      length = writeVInt(out, length, sentence.start() - previousEnd);
      length = writeVInt(out, length, sentence.end() - sentence.start());
      previousEnd = sentence.end();
    }
    return ArrayUtil.copyOfSubArray(out, 0, length);
  }

  /**
   * The sentences stored with the article {@code doc} for its {@code body}, or {@code null} when it has no body or no
   * usable stored sentences (an article indexed before they were stored), so the caller cuts them itself.
   */
  public static List<Passages.Sentence> of(Document doc, String body) {
    return body == null ? null : decode(doc.getBinaryValue(ArchiveFields.BODY_SENTENCES), body.length());
  }

  /**
   * The sentences stored in {@code stored} for a body of {@code textLength} characters, or {@code null} when there
   * is nothing usable (no stored form, or one that does not fit the text), so the caller cuts them itself.
   */
  public static List<Passages.Sentence> decode(BytesRef stored, int textLength) {
    if (stored == null) {
      return null;
    }
    List<Passages.Sentence> sentences = new ArrayList<>();
    byte[] bytes = stored.bytes;
    int at = stored.offset;
    int limit = stored.offset + stored.length;
    int previousEnd = 0;
    int[] value = new int[1];
    while (at < limit) {
      at = readVInt(bytes, at, limit, value);
      if (at < 0) {
        return null;
      }
      int start = previousEnd + value[0];
      at = readVInt(bytes, at, limit, value);
      if (at < 0) {
        return null;
      }
      int end = start + value[0];
      if (start < previousEnd || end <= start || end > textLength) {
        return null;
      }
      sentences.add(new Passages.Sentence(start, end));
      previousEnd = end;
    }
    return sentences;
  }

  private static int writeVInt(byte[] out, int at, int value) {
    int v = value;
    while ((v & ~0x7F) != 0) {
      out[at++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[at++] = (byte) v;
    return at;
  }

  /** Reads one variable-length integer into {@code value[0]}; returns the next position, or -1 when cut short. */
  private static int readVInt(byte[] bytes, int at, int limit, int[] value) {
    int result = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      if (at >= limit) {
        value[0] = -1;
        return -1;
      }
      byte b = bytes[at++];
      result |= (b & 0x7F) << shift;
      if (b >= 0) {
        value[0] = result;
        return at;
      }
    }
    value[0] = -1;
    return -1;
  }
}
