package dev.dealarchive.indexing;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;

/** Computes {@link ArchiveStats} from an open searcher. */
public final class IndexStatistics {
  private IndexStatistics() {}

  /** Figures for the index behind {@code searcher}, whose files live in {@code directory}. */
  public static ArchiveStats of(IndexSearcher searcher, Directory directory) throws IOException {
    DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
    return new ArchiveStats(
        ArticleBlocks.countArticles(searcher),
        countBySource(searcher),
        edge(searcher, false),
        edge(searcher, true),
        sizeOf(directory),
        commitTime(reader.getIndexCommit()));
  }

  private static Map<String, Long> countBySource(IndexSearcher searcher) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      SortedDocValues sources = leaf.reader().getSortedDocValues(ArchiveFields.SOURCE);
      if (sources == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      long[] perOrd = new long[sources.getValueCount()];
      for (int doc = sources.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = sources.nextDoc()) {
        if (live == null || live.get(doc)) {
          perOrd[sources.ordValue()]++;
        }
      }
      for (int ord = 0; ord < perOrd.length; ord++) {
        if (perOrd[ord] > 0) {
          String name = sources.lookupOrd(ord).utf8ToString();
          counts.merge(name.isEmpty() ? "(no source)" : name, perOrd[ord], Long::sum);
        }
      }
    }
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** The newest (or oldest) publication time, from the doc values. */
  private static Instant edge(IndexSearcher searcher, boolean newest) throws IOException {
    SortField field = ArticleDocValues.byPublished(newest);
    TopFieldDocs top = searcher.search(ArticleBlocks.articles(), 1, new Sort(field));
    if (top.scoreDocs.length == 0) {
      return null;
    }
    long value = (Long) ((FieldDoc) top.scoreDocs[0]).fields[0];
    return value == Long.MIN_VALUE || value == Long.MAX_VALUE ? null : Instant.ofEpochMilli(value);
  }

  /** Figures about the vectors of the index behind {@code searcher}. */
  public static VectorStats vectors(IndexSearcher searcher) throws IOException {
    DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
    VectorState state = VectorState.of(reader.getIndexCommit().getUserData());
    long passages = searcher.count(new FieldExistsQuery(ArchiveFields.PASSAGE_VECTOR));
    long embedded =
        state.modelKey() == null ? 0 : searcher.count(new TermQuery(new Term(ArchiveFields.EMBEDDED_WITH, state.modelKey())));
    long waiting = state.enabled() ? ArticleBlocks.countArticles(searcher) - embedded : 0;
    return new VectorStats(state, passages, embedded, waiting);
  }

  /** Sum of the sizes of the index's files. */
  public static long sizeOf(Directory directory) throws IOException {
    long total = 0;
    for (String file : directory.listAll()) {
      try {
        total += directory.fileLength(file);
      } catch (NoSuchFileException e) {
        // merged away while we were listing
      }
    }
    return total;
  }

  /** The time stored with a commit, or {@code null}. */
  public static Instant commitTime(IndexCommit commit) throws IOException {
    String millis = commit.getUserData().get(ArchiveFields.COMMIT_TIME);
    return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
  }
}
