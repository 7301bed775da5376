package dev.dealarchive.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.read.ArticleReader;
import dev.dealarchive.read.InputProblem;
import dev.dealarchive.read.ReadListener;
import dev.dealarchive.read.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ArticleSourceTest {
  private static final Path FILE = Path.of("wire.jsonl");

  private static ArticleDraft draft(int line) {
    return new ArticleDraft("id-" + line, "Title " + line, "Body " + line, null, null, null, null, null, line);
  }

  @Test
  void yieldsWhatTheReaderFoundInOrderThenTheEnd() throws IOException {
    ArticleReader reader = reader((file, options, listener) -> {
      listener.article(draft(1));
      listener.warning(2, "date not understood");
      listener.skipped(3, "not JSON");
      listener.article(draft(4));
    });
    try (ArticleSource source = ArticleSource.reading(reader, FILE, ReadOptions.defaults())) {
      assertEquals(new ReadEvent.Found(draft(1)), source.next());
      assertEquals(new ReadEvent.Warned(2, "date not understood"), source.next());
      assertEquals(new ReadEvent.Skipped(3, "not JSON"), source.next());
      assertEquals(new ReadEvent.Found(draft(4)), source.next());
      assertNull(source.next());
      assertNull(source.next());
    }
  }

  @Test
  void aFailureOfTheInputComesOutOfNextAfterWhatWasFoundBeforeIt() throws IOException {
    ArticleReader reader = reader((file, options, listener) -> {
      listener.article(draft(1));
      throw new InputProblem(7, "invalid UTF-8");
    });
    try (ArticleSource source = ArticleSource.reading(reader, FILE, ReadOptions.defaults())) {
      assertInstanceOf(ReadEvent.Found.class, source.next());
      InputProblem problem = assertThrows(InputProblem.class, source::next);
      assertEquals(7, problem.line());
      assertNull(source.next());
    }
  }

  @Test
  void aReaderBugComesOutAsItWasThrown() throws IOException {
    ArticleReader reader = reader((file, options, listener) -> {
      throw new IllegalStateException("reader bug");
    });
    try (ArticleSource source = ArticleSource.reading(reader, FILE, ReadOptions.defaults())) {
      assertEquals("reader bug", assertThrows(IllegalStateException.class, source::next).getMessage());
    }
  }

  @Test
  void closingStopsAReaderThatIsFarAheadOfThePuller() throws Exception {
    AtomicInteger produced = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(1);
    ArticleReader reader = reader((file, options, listener) -> {
      try {
        for (int line = 1; line <= 1_000_000; line++) {
          listener.article(draft(line));
          produced.incrementAndGet();
        }
      } finally {
        finished.countDown();
      }
    });
    ArticleSource source = ArticleSource.reading(reader, FILE, ReadOptions.defaults());
    assertInstanceOf(ReadEvent.Found.class, source.next());
    source.close();
    assertTrue(finished.await(10, TimeUnit.SECONDS), "the reader thread must end when the source is closed");
    assertTrue(produced.get() < 1_000_000, "reading stopped early: " + produced.get());
  }

  @FunctionalInterface
  private interface ReadBody {
    void read(Path file, ReadOptions options, ReadListener listener) throws IOException;
  }

  private static ArticleReader reader(ReadBody body) {
    return new ArticleReader() {
      @Override
      public String format() {
        return "test";
      }

      @Override
      public void read(Path file, ReadOptions options, ReadListener listener) throws IOException {
        body.read(file, options, listener);
      }
    };
  }
}
