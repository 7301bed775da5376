package dev.dealarchive.indexing;

/**
 * The names of the index fields, shared by the code that writes documents and the code that reads them.
 *
 * <p>Title and body are indexed twice: stemmed ({@link #TITLE}, {@link #BODY}) for recall, and unstemmed
 * ({@link #TITLE_EXACT}, {@link #BODY_EXACT}) so quoted phrases and names match exactly.
 */
public final class ArchiveFields {
  private ArchiveFields() {}

  /** Stable article id: one term, stored, doc values for tie-breaks and to tell articles from passages. */
  public static final String ID = "id";
  /** Title, stemmed, stored. */
  public static final String TITLE = "title";
  /** Title, unstemmed. */
  public static final String TITLE_EXACT = "title_exact";
  /** Body, stemmed, stored, with offsets so passages can be cut without re-reading the source. */
  public static final String BODY = "body";
  /**
   * Sentence boundaries of the body as snippets cut them ({@code search.StoredSentences}), stored only, so a search
   * needs no sentence breaking; documents written before it lack it and have their sentences cut when read.
   */
  public static final String BODY_SENTENCES = "body_sentences";
  /** Body, unstemmed. */
  public static final String BODY_EXACT = "body_exact";
  /** Publication time in epoch milliseconds: point for ranges, doc values for sorting, stored. */
  public static final String PUBLISHED = "published";
  /** Publisher as written: stored, sorted doc values for counting by source. */
  public static final String SOURCE = "source";
  /** Publisher, exact analysis, for {@code source:} filters that match a name or the words it starts with. */
  public static final String SOURCE_KEY = "source_key";
  /** Tags as written, stored. */
  public static final String TAG = "tag";
  /** Tags lower-cased: one term each for {@code tag:} filters, sorted-set doc values for counting. */
  public static final String TAG_KEY = "tag_key";
  /** Url, one term (for duplicate detection), stored. */
  public static final String URL = "url";
  /** Authors, stored. */
  public static final String AUTHOR = "author";
  /** Where the article came from (file path or feed url): one term, so a deleted file's articles can be found. */
  public static final String ORIGIN = "origin";
  /** Content hash, stored. */
  public static final String HASH = "hash";
  /** Same-story key (normalized title and body), one term, for duplicate detection. */
  public static final String STORY = "story";

  // Passages and vectors (see dev.dealarchive.indexing.ArticleBlocks). An article with vectors is stored as a block:
  // its passage documents first, the article document last. Passage documents carry only the fields below, so no
  // text query, filter or term statistic sees them; only match-all queries must be restricted to articles.

  /** On a passage document: the id of its article, one term (and stored), so an update or delete removes the old passages. */
  public static final String PASSAGE_OF = "passage_of";
  /** On a passage document: the passage's unit vector (HNSW, int8 scalar quantized, dot product). */
  public static final String PASSAGE_VECTOR = "passage_vector";
  /** On a passage document: the passage's text as cut from the body, stored. */
  public static final String PASSAGE_TEXT = "passage_text";
  /** On a passage document: start and end character offsets of the passage in the article's body, stored. */
  public static final String PASSAGE_START = "passage_start";
  /** See {@link #PASSAGE_START}. */
  public static final String PASSAGE_END = "passage_end";
  /** On a passage document: its position among the article's passages, from 0, stored. */
  public static final String PASSAGE_ORDINAL = "passage_ordinal";
  /**
   * On an article document: the key of the model its passages were embedded with, one term. An article without it
   * (or with another model's key) waits for vectors.
   */
  public static final String EMBEDDED_WITH = "embedded_with";

  /** Commit user-data key: the key (name @ version) of the model the index's vectors come from, when it has any. */
  public static final String EMBEDDING_MODEL_KEY = "archive.embedding.model";
  /** Commit user-data key: the dimension of the index's vectors. */
  public static final String EMBEDDING_DIMENSION_KEY = "archive.embedding.dimension";
  /**
   * Commit user-data key: {@code on} when syncs embed new articles, {@code off} for a keyword-only index ({@code
   * archive index --no-vectors}); absent in indexes written before vectors existed, which count as {@code off}.
   */
  public static final String VECTORS_KEY = "archive.vectors";

  /** Commit user-data key holding the schema version the index was written with. */
  public static final String SCHEMA_KEY = "archive.schema";
  /**
   * The schema version this code writes. It also reads version 2, which the first writer rewrites ({@link
   * SchemaUpgrade}); an index of another version must be rebuilt.
   */
  public static final String SCHEMA_VERSION = "3";

  /** Commit user-data key holding the time of the commit in epoch milliseconds. */
  public static final String COMMIT_TIME = "archive.commitTime";
}
