import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.answer.Answerer;
import dev.dealarchive.hybrid.HybridReranker;
import dev.dealarchive.hybrid.HybridSettings;
import dev.dealarchive.hybrid.QueryEmbedder;
import dev.dealarchive.hybrid.RetrievalMode;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.search.ScoredArticle;
import java.io.DataOutputStream;
import java.io.BufferedOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

public class Dump {
  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    Path topics = Path.of(args[1]);
    Path out = Path.of(args[2]);
    Files.createDirectories(out);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index));
        QueryEmbedder embedder = QueryEmbedder.fromClassPath()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      // passages: article id, ordinal, start, end, vector
      try (PrintWriter meta = new PrintWriter(Files.newBufferedWriter(out.resolve("passages.tsv"), StandardCharsets.UTF_8));
          DataOutputStream vec = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out.resolve("passages.f32"))))) {
        for (LeafReaderContext leaf : reader.leaves()) {
          FloatVectorValues vectors = leaf.reader().getFloatVectorValues(ArchiveFields.PASSAGE_VECTOR);
          if (vectors == null) continue;
          StoredFields stored = leaf.reader().storedFields();
          KnnVectorValues.DocIndexIterator it = vectors.iterator();
          for (int doc = it.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
            if (leaf.reader().getLiveDocs() != null && !leaf.reader().getLiveDocs().get(doc)) continue;
            Document d = stored.document(doc);
            meta.println(d.get(ArchiveFields.PASSAGE_OF) + "\t" + d.getField(ArchiveFields.PASSAGE_ORDINAL).numericValue()
                + "\t" + d.getField(ArchiveFields.PASSAGE_START).numericValue() + "\t" + d.getField(ArchiveFields.PASSAGE_END).numericValue());
            float[] v = vectors.vectorValue(it.index());
            for (float f : v) vec.writeFloat(f);
          }
        }
      }
      Answerer answerer = Answerer.withDefaults(index, AnswerSettings.defaults(), HybridSettings.defaults(), embedder);
      List<String> lines = Files.readAllLines(topics, StandardCharsets.UTF_8);
      try (PrintWriter kw = new PrintWriter(Files.newBufferedWriter(out.resolve("keyword.run"), StandardCharsets.UTF_8));
          PrintWriter qt = new PrintWriter(Files.newBufferedWriter(out.resolve("queries.tsv"), StandardCharsets.UTF_8));
          DataOutputStream qv = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out.resolve("queries.f32"))))) {
        for (String line : lines) {
          if (line.isBlank()) continue;
          String[] c = line.split("\t", 2);
          float[] v = embedder.embed(HybridReranker.meaningText(c[1])).orElseThrow();
          for (float f : v) qv.writeFloat(f);
          qt.println(c[0]);
          List<ScoredArticle> ranked = answerer.rank(searcher, c[1], 1000, RetrievalMode.KEYWORD);
          for (ScoredArticle a : ranked) kw.println(c[0] + "\t" + a.id() + "\t" + a.score());
        }
      }
    }
  }
}
