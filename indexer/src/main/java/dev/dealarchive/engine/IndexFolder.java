package dev.dealarchive.engine;

import dev.dealarchive.Archive;
import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.hybrid.HybridSettings;
import dev.dealarchive.answer.Synonyms;
import dev.dealarchive.channels.ChannelSettings;
import dev.dealarchive.feedback.FeedbackLog;
import dev.dealarchive.fetch.ArticleAdder;
import dev.dealarchive.fetch.FetchOptions;
import dev.dealarchive.fetch.PendingAdds;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.FeedStates;
import dev.dealarchive.indexing.FileManifest;
import dev.dealarchive.indexing.FileNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An index folder on disk, and the one owner of what is in it. Every caller reaches the folder through here:
 * {@link #openReader} for the read side ({@link Archive}) and {@link #openWriter} for the one write entry point.
 *
 * <table>
 *   <caption>Layout</caption>
 *   <tr><th>Entry</th><th>What</th><th>Written by</th></tr>
 *   <tr><td>Lucene files</td><td>the index; its commit data holds the schema version and commit time</td>
 *       <td>{@link ArchiveIndexer}, through {@link #openWriter}</td></tr>
 *   <tr><td>{@value FileManifest#FILE_NAME}</td><td>the inputs given and what was read from each file</td>
 *       <td>the writer, after each commit</td></tr>
 *   <tr><td>{@value Synonyms#FILE_NAME}</td><td>editable company aliases for answers</td>
 *       <td>seeded here from the shipped defaults when the folder is created; then the user</td></tr>
 *   <tr><td>{@value PendingAdds#FOLDER}/</td><td>pages added while another process held the writer</td>
 *       <td>{@link #adder}; removed by the writer after the commit that stored them</td></tr>
 *   <tr><td>{@value FeedStates#FILE_NAME}</td><td>feed validators and poll results</td>
 *       <td>{@code archive watch}, after each feed's commit ({@link #feedStates})</td></tr>
 *   <tr><td>{@value FeedbackLog#FILE_NAME}</td><td>Helpful / Not helpful votes on answers, one JSON line each</td>
 *       <td>the Slack bot, appending ({@link #feedbackLog}); read by {@code archive feedback} and {@code eval}</td></tr>
 *   <tr><td>{@value ChannelSettings#FILE_NAME}</td><td>followed queries, digests and scopes of chat channels</td>
 *       <td>the Slack bot, rewritten atomically ({@link #channelSettings}); listed by {@code archive stats}</td></tr>
 *   <tr><td>{@value #SEEN_ARTICLES}</td><td>article ids the bot has seen and when, so each new article is
 *       announced once, also across restarts</td><td>the Slack bot, appending ({@link #seenArticlesFile})</td></tr>
 * </table>
 */
public final class IndexFolder {
  private final Path dir;

  private IndexFolder(Path dir) {
    this.dir = dir;
  }

  /** The index folder at {@code dir} (which need not exist yet). */
  public static IndexFolder at(Path dir) {
    return new IndexFolder(dir);
  }

  /** The folder. */
  public Path path() {
    return dir;
  }

  /** File name of the bot's log of seen article ids. */
  public static final String SEEN_ARTICLES = "bot-seen-articles.log";

  /** The feedback log (created by its first vote). */
  public FeedbackLog feedbackLog() {
    return FeedbackLog.in(dir);
  }

  /**
   * The followed queries, digests and scopes of chat channels, read now.
   *
   * @throws IOException when the file exists but is damaged (naming it)
   */
  public ChannelSettings channelSettings() throws IOException {
    return ChannelSettings.load(dir);
  }

  /** The log of article ids the bot has seen (one {@code epochMillis<TAB>id} line each). */
  public Path seenArticlesFile() {
    return dir.resolve(SEEN_ARTICLES);
  }

  /** The editable synonyms file that answers read (re-read when it changes). */
  public Path synonymsFile() {
    return dir.resolve(Synonyms.FILE_NAME);
  }

  /** The inputs (files and folders) that earlier index runs were given, as last committed; no lock needed. */
  public List<Path> recordedInputs() {
    // An input recorded under a locale whose characters this one cannot express is left out, not fatal.
    return FileManifest.load(dir).inputs().stream().map(FileNames::stored).flatMap(Optional::stream).toList();
  }

  /** The state of the feeds {@code archive watch} polls (validators, last poll, errors), as last saved. */
  public FeedStates feedStates() {
    return FeedStates.load(dir);
  }

  /** Articles queued by {@code archive add} for the writer, oldest first. */
  public List<PendingAdds.Pending> queuedAdds() throws IOException {
    return PendingAdds.list(dir);
  }

  /**
   * Opens the read side, answering with {@code settings} and this folder's synonyms.
   *
   * @throws java.nio.file.NoSuchFileException when there is no index here yet
   */
  public Archive openReader(AnswerSettings settings) throws IOException {
    return openAnswering(settings, HybridSettings.defaults());
  }

  /**
   * As {@link #openReader(AnswerSettings)}, questions ranked by words and meaning as {@code hybrid} says; searches
   * rank by words, so they load no model.
   */
  public Archive openAnswering(AnswerSettings settings, HybridSettings hybrid) throws IOException {
    // The answerer reads this folder's synonyms file; questions use the model when the index has vectors.
    return Archive.openAnswering(dir, settings, hybrid);
  }

  /** The read side with explicit settings for ranking by meaning; relevance-sorted searches use them too. */
  public Archive openReader(AnswerSettings settings, HybridSettings hybrid) throws IOException {
    return Archive.open(dir, settings, hybrid);
  }

  /**
   * Opens the one write entry point, creating the folder (with its editable synonyms) when it is new. The writer
   * holds the index's write lock until closed; each of its methods commits once and saves the bookkeeping after the
   * commit.
   *
   * @throws dev.dealarchive.indexing.IndexBusyException when another writer holds the index
   */
  public ArchiveWriter openWriter() throws IOException {
    return openWriter(() -> {});
  }

  /** As {@link #openWriter()}; {@code afterClose} runs once when the session closes (also when opening fails). */
  ArchiveWriter openWriter(Runnable afterClose) throws IOException {
    try {
      create();
      return new FolderWriter(this, ArchiveIndexer.open(dir), afterClose);
    } catch (IOException | RuntimeException | Error e) {
      afterClose.run();
      throw e;
    }
  }

  /**
   * An adder of single pages for this folder: each add opens the writer, stores anything queued before and the new
   * article; when another process holds the writer, the article is queued for it.
   */
  public ArticleAdder adder(FetchOptions options) {
    return adder(options, this::openWriter);
  }

  /** Opens a write session. */
  @FunctionalInterface
  interface WriterOpener {
    ArchiveWriter open() throws IOException;
  }

  /** As {@link #adder(FetchOptions)}, writing through sessions that {@code writers} opens. */
  ArticleAdder adder(FetchOptions options, WriterOpener writers) {
    ArticleAdder.Store store =
        (origin, drafts) -> {
          try (ArchiveWriter writer = writers.open()) {
            writer.storeQueuedAdds();
            return writer.indexDrafts(origin, drafts);
          }
        };
    return ArticleAdder.queueingWhenBusy(options, store, dir);
  }

  /** Creates the folder when it is new, with an editable copy of the shipped synonyms. */
  private void create() throws IOException {
    Files.createDirectories(dir);
    Path synonyms = synonymsFile();
    if (!Files.exists(synonyms)) {
      Files.writeString(synonyms, Synonyms.defaultText(), StandardCharsets.UTF_8);
    }
  }
}
