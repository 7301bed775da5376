package dev.dealarchive.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.BundledData;
import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.answer.Synonyms;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFolderTest {
  @TempDir Path temp;

  @Test
  void theWriterSeedsTheEditableSynonymsOnceAndTheIndexerDoesNot() throws IOException {
    Path bare = temp.resolve("bare");
    try (ArchiveIndexer indexer = ArchiveIndexer.open(bare)) {
      assertFalse(Files.exists(bare.resolve(Synonyms.FILE_NAME)), "indexing must not write the answer module's file");
    }

    IndexFolder folder = IndexFolder.at(temp.resolve("index"));
    try (ArchiveWriter writer = folder.openWriter()) {
      writer.index(List.of(BundledData.folder()), IndexOptions.defaults(), IndexProgress.NONE);
    }
    assertEquals(Synonyms.defaultText(), Files.readString(folder.synonymsFile(), StandardCharsets.UTF_8));

    Files.writeString(folder.synonymsFile(), "Nimbus Cloud, NMBS\n", StandardCharsets.UTF_8);
    try (ArchiveWriter writer = folder.openWriter()) {
      writer.reindex(IndexOptions.defaults(), IndexProgress.NONE);
    }
    assertEquals("Nimbus Cloud, NMBS\n", Files.readString(folder.synonymsFile(), StandardCharsets.UTF_8));
    assertEquals(List.of(BundledData.folder().toAbsolutePath().normalize()), folder.recordedInputs());
    assertTrue(folder.queuedAdds().isEmpty());
    try (Archive reader = folder.openReader(AnswerSettings.defaults())) {
      assertTrue(reader.articleCount() > 0);
    }
  }
}
