package dev.dealarchive.cli;

import dev.dealarchive.indexing.IndexProgress;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows indexing progress: a progress bar on a terminal, plain lines otherwise, and nothing at all for runs that
 * finish within a few seconds.
 */
final class ConsoleProgress implements IndexProgress, AutoCloseable {
  private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final long LINE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final boolean terminal;
  private final PrintStream terminalStream;
  private final PrintWriter lines;
  private final long started = System.nanoTime();
  private long articles;
  private long lastLine;
  private Path currentFile;
  private ProgressBar bar;
  private ProgressBar embedBar;
  private long embedTotal;
  private long embedded;
  private long embedStarted;

  ConsoleProgress(boolean terminal, PrintStream terminalStream, PrintWriter lines) {
    this.terminal = terminal;
    this.terminalStream = terminalStream;
    this.lines = lines;
  }

  @Override
  public void fileStarted(Path file, long bytes) {
    currentFile = file;
    tick();
  }

  @Override
  public void articleRead() {
    articles++;
    if ((articles & 255) == 0) {
      tick();
    }
  }

  private void tick() {
    long now = System.nanoTime();
    if (now - started < QUIET_NANOS) {
      return;
    }
    if (terminal) {
      if (bar == null) {
        bar =
            new ProgressBarBuilder()
                .setTaskName("Indexing")
                .setInitialMax(-1)
                .setUnit(" articles", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(terminalStream))
                .build();
      }
      bar.stepTo(articles);
    } else if (now - lastLine >= LINE_EVERY_NANOS) {
      lastLine = now;
      lines.printf(
          "indexing: %,d articles read in %d s%s%n",
          articles,
          TimeUnit.NANOSECONDS.toSeconds(now - started),
          currentFile == null ? "" : " (reading " + currentFile.getFileName() + ")");
      lines.flush();
    }
  }

  @Override
  public void embeddingStarted(long waiting) {
    synchronized (this) {
      if (bar != null) {
        bar.stepTo(articles);
        bar.close();
        bar = null;
      }
      embedTotal = waiting;
      embedded = 0;
      embedStarted = System.nanoTime();
      lastLine = 0;
    }
  }

  @Override
  public void articlesEmbedded(int count) {
    synchronized (this) {
      embedded += count;
      long now = System.nanoTime();
      if (now - embedStarted < QUIET_NANOS) {
        return;
      }
      if (terminal) {
        if (embedBar == null) {
          embedBar =
              new ProgressBarBuilder()
                  .setTaskName("Embedding")
                  .setInitialMax(embedTotal)
                  .setUnit(" articles", 1)
                  .setStyle(ProgressBarStyle.ASCII)
                  .setConsumer(new ConsoleProgressBarConsumer(terminalStream))
                  .build();
        }
        embedBar.stepTo(embedded);
      } else if (now - lastLine >= LINE_EVERY_NANOS) {
        lastLine = now;
        lines.printf(
            "embedding: %,d of %,d articles in %d s%n",
            embedded,
            embedTotal,
            TimeUnit.NANOSECONDS.toSeconds(now - embedStarted));
        lines.flush();
      }
    }
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.stepTo(articles);
      bar.close();
    }
    if (embedBar != null) {
      embedBar.stepTo(embedded);
      embedBar.close();
    }
  }
}
