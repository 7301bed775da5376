package dev.dealarchive.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dealarchive.BundledData;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spelling correction over the samples: slips are corrected, English words and inflections never. */
class SpellingTest {
  @TempDir static Path temp;
  static Path index;

  @BeforeAll
  static void indexSamples() throws IOException {
    index = temp.resolve("index");
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(BundledData.folder()), IndexOptions.defaults(), IndexProgress.NONE);
    }
  }

  private static String corrected(String question) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      return SpellingCorrector.correct(reader, question);
    }
  }

  @Test
  void commonEnglishWordsAreNeverCorrected() throws IOException {
    assertNull(corrected("agree"), "agree is no slip of agreed");
    assertNull(corrected("file"), "file is no slip of five");
    assertNull(corrected("thanks!"), "thanks is no slip of than");
    assertNull(corrected("who did they agree to file with?"));
  }

  @Test
  void slipsAreStillCorrected() throws IOException {
    assertEquals("revenue share microsoft", corrected("revenu shair microsft"));
  }
}
