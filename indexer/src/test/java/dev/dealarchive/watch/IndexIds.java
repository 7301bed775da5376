package dev.dealarchive.watch;

import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArticleBlocks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/** Reads the ids of the last commit straight from the index, as another process would see them. */
final class IndexIds {
  private IndexIds() {}

  /** Every live article id, one entry per article document (so a doubled id shows twice; passages are skipped). */
  static List<String> of(Path indexDir) throws IOException {
    try (Directory directory = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(directory)) {
        return List.of();
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        List<String> ids = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
          Bits live = leaf.reader().getLiveDocs();
          StoredFields fields = leaf.reader().storedFields();
          for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            if ((live == null || live.get(doc)) && ArticleBlocks.isArticle(leaf, doc)) {
              ids.add(fields.document(doc, Set.of(ArchiveFields.ID)).get(ArchiveFields.ID));
            }
          }
        }
        return ids;
      }
    }
  }

  /** The stored body of the article with this id, or null. */
  static String body(Path indexDir, String id) throws IOException {
    try (Directory directory = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs top = searcher.search(new TermQuery(new Term(ArchiveFields.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return null;
      }
      return searcher.storedFields().document(top.scoreDocs[0].doc).get(ArchiveFields.BODY);
    }
  }
}
