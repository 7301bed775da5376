package dev.dealarchive.indexing;

import java.io.IOException;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSelector;

/**
 * The doc values of an article's id and publication time, read the same way from both schemas the archive reads:
 * schema 3 writes them as {@link KeywordField} (sorted-set doc values) and {@link LongField} (sorted-numeric), schema 2
 * wrote sorted and numeric doc values. Each article has at most one value of each, so both come back as single-valued
 * doc values, and the sort fields accept either.
 */
public final class ArticleDocValues {
  private ArticleDocValues() {}

  /** Each article document's id (none in a segment without articles). */
  public static SortedDocValues ids(LeafReader reader) throws IOException {
    if (reader.getFieldInfos().fieldInfo(ArchiveFields.ID) == null) {
      return DocValues.emptySorted();
    }
    return single(DocValues.unwrapSingleton(DocValues.getSortedSet(reader, ArchiveFields.ID)), ArchiveFields.ID);
  }

  /** Each dated article's publication time in epoch milliseconds (none in a segment without dated articles). */
  public static NumericDocValues published(LeafReader reader) throws IOException {
    if (reader.getFieldInfos().fieldInfo(ArchiveFields.PUBLISHED) == null) {
      return DocValues.emptyNumeric();
    }
    return single(
        DocValues.unwrapSingleton(DocValues.getSortedNumeric(reader, ArchiveFields.PUBLISHED)), ArchiveFields.PUBLISHED);
  }

  /** Newest first ({@code newest}) or oldest first; undated articles last either way. */
  public static SortField byPublished(boolean newest) {
    SortField published = LongField.newSortField(ArchiveFields.PUBLISHED, newest, SortedNumericSelector.Type.MAX);
    published.setMissingValue(newest ? Long.MIN_VALUE : Long.MAX_VALUE);
    return published;
  }

  /** By id, in the order of their bytes. */
  public static SortField byId() {
    return KeywordField.newSortField(ArchiveFields.ID, false, SortedSetSelector.Type.MIN);
  }

  private static <T> T single(T values, String field) {
    if (values == null) {
      // Every writer of the archive gives an article one value at most.
      throw new IllegalStateException("the field " + field + " holds several values in one document");
    }
    return values;
  }
}
