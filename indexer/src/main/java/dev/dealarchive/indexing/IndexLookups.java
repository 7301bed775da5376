package dev.dealarchive.indexing;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Lookups in the index as it was when a transaction started (a near-real-time snapshot of the writer), or in nothing
 * for a rebuild. One searcher per transaction: lookups run for every article read.
 */
final class IndexLookups {
  /** What the indexer needs of a stored article to decide whether a new copy changes it. */
  record Stored(String hash, String origin) {}

  private final DirectoryReader snapshot;
  private IndexSearcher searcher;

  /** @param snapshot the index at the start of the transaction, or null when it starts empty */
  IndexLookups(DirectoryReader snapshot) {
    this.snapshot = snapshot;
  }

  private IndexSearcher searcher() {
    if (searcher == null) {
      searcher = new IndexSearcher(snapshot);
      // Lookups are by unique terms, never repeated: caching them would only cost memory.
      searcher.setQueryCache(null);
    }
    return searcher;
  }

  /** The stored article with this id, or null. */
  Stored byId(String id) throws IOException {
    Document doc = first(new Term(ArchiveFields.ID, id), Set.of(ArchiveFields.HASH, ArchiveFields.ORIGIN));
    return doc == null ? null : new Stored(doc.get(ArchiveFields.HASH), doc.get(ArchiveFields.ORIGIN));
  }

  /** The id of a stored article whose {@code field} holds {@code value} (same story key, same url), or null. */
  String idWhere(String field, String value) throws IOException {
    Document doc = first(new Term(field, value), Set.of(ArchiveFields.ID));
    return doc == null ? null : doc.get(ArchiveFields.ID);
  }

  private Document first(Term term, Set<String> fields) throws IOException {
    if (snapshot == null) {
      return null;
    }
    TopDocs top = searcher().search(new TermQuery(term), 1);
    return top.scoreDocs.length == 0 ? null : searcher().storedFields().document(top.scoreDocs[0].doc, fields);
  }

  /** Ids of the stored articles that came from {@code origin} (a file path, a feed or page url). */
  List<String> idsWithOrigin(String origin) throws IOException {
    if (snapshot == null) {
      return List.of();
    }
    TermQuery query = new TermQuery(new Term(ArchiveFields.ORIGIN, origin));
    int count = searcher().count(query);
    if (count == 0) {
      return List.of();
    }
    TopDocs top = searcher().search(query, count);
    List<String> ids = new ArrayList<>(count);
    StoredFields stored = searcher().storedFields();
    for (ScoreDoc hit : top.scoreDocs) {
      ids.add(stored.document(hit.doc, Set.of(ArchiveFields.ID)).get(ArchiveFields.ID));
    }
    return ids;
  }

  /** The origins of stored articles that lie under {@code folder}, sorted. */
  Set<String> originsUnder(String folder) throws IOException {
    Set<String> files = new TreeSet<>();
    if (snapshot == null) {
      return files;
    }
    BytesRef prefix = new BytesRef(folder.endsWith(File.separator) ? folder : folder + File.separator);
    for (LeafReaderContext leaf : snapshot.leaves()) {
      Terms terms = leaf.reader().terms(ArchiveFields.ORIGIN);
      if (terms == null) {
        continue;
      }
      TermsEnum origins = terms.iterator();
      if (origins.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
        continue;
      }
      do {
        if (!StringHelper.startsWith(origins.term(), prefix)) {
          break;
        }
        files.add(origins.term().utf8ToString());
      } while (origins.next() != null);
    }
    return files;
  }
}
