package dev.dealarchive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The peer: what a competent script does with SQLite FTS5 (through sqlite-jdbc). One file database; the build runs
 * in one transaction with {@code journal_mode=WAL} and {@code synchronous=NORMAL}; the table has {@code title} and
 * {@code body} columns with the {@code porter unicode61} tokenizer; a search ANDs the quoted query words, ranks by
 * {@code bm25()} with the title weighted 2 and the body 1, and cuts a {@code snippet()} of about 40 tokens from the
 * body. One instance is one connection, for one thread at a time.
 */
public final class Fts5Peer implements AutoCloseable {
  static final String CREATE =
      "CREATE VIRTUAL TABLE articles USING fts5(title, body, id UNINDEXED, tokenize = 'porter unicode61')";
  static final String INSERT = "INSERT INTO articles(title, body, id) VALUES (?, ?, ?)";
  static final String SEARCH =
      "SELECT id, title, snippet(articles, 1, '[', ']', '…', 40) FROM articles WHERE articles MATCH ?"
          + " ORDER BY bm25(articles, 2.0, 1.0) LIMIT ?";
  private static final int BATCH = 1_000;

  private final Connection connection;
  private final PreparedStatement search;

  private Fts5Peer(Connection connection) throws SQLException {
    this.connection = connection;
    this.search = connection.prepareStatement(SEARCH);
  }

  /** Builds the database {@code database} (which must not exist yet) from the JSON-lines {@code corpus}. */
  public static BuildResult build(Path corpus, Path database) throws IOException {
    long start = System.nanoTime();
    long rows = 0;
    try (Connection connection = connect(database);
        BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=NORMAL");
        statement.execute(CREATE);
      }
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode node = Corpus.MAPPER.readTree(line);
          insert.setString(1, Corpus.text(node, "title"));
          insert.setString(2, Corpus.text(node, "body"));
          insert.setString(3, Corpus.text(node, "id"));
          insert.addBatch();
          if (++rows % BATCH == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IOException("building the FTS5 peer failed: " + e.getMessage(), e);
    }
    long wall = System.nanoTime() - start;
    return new BuildResult("fts5", 1, rows, Files.size(corpus), wall, sizeOf(database));
  }

  /** Opens a connection to a database built by {@link #build}. */
  public static Fts5Peer open(Path database) throws IOException {
    try {
      return new Fts5Peer(connect(database));
    } catch (SQLException e) {
      throw new IOException("cannot open the FTS5 peer at " + database + ": " + e.getMessage(), e);
    }
  }

  /** The top {@code limit} articles that contain every word of {@code keywords}, best first. */
  public List<PeerHit> search(String keywords, int limit) throws SQLException {
    search.setString(1, matchExpression(keywords));
    search.setInt(2, limit);
    List<PeerHit> hits = new ArrayList<>(limit);
    try (ResultSet rows = search.executeQuery()) {
      while (rows.next()) {
        hits.add(new PeerHit(rows.getString(1), rows.getString(2), rows.getString(3)));
      }
    }
    return hits;
  }

  /** Each white-space separated word in double quotes (inner quotes doubled), so FTS5 ANDs them as plain strings. */
  static String matchExpression(String keywords) {
    StringBuilder expression = new StringBuilder();
    for (String word : keywords.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!expression.isEmpty()) {
        expression.append(' ');
      }
      expression.append('"').append(word.replace("\"", "\"\"")).append('"');
    }
    return expression.toString();
  }

  /** A search client: top {@value ArchiveUnderTest#TOP} with snippets. */
  LoadDriver.Client client(List<String> queries) {
    return new LoadDriver.Client() {
      @Override
      public int run(int i) throws Exception {
        List<PeerHit> hits = search(queries.get(i), ArchiveUnderTest.TOP);
        return hits.size() + (hits.isEmpty() ? 0 : hits.get(0).snippet().length());
      }

      @Override
      public void close() throws Exception {
        Fts5Peer.this.close();
      }
    };
  }

  private static Connection connect(Path database) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
  }

  /** The database file with its write-ahead log and shared-memory files, in bytes. */
  static long sizeOf(Path database) throws IOException {
    String name = database.getFileName().toString();
    try (Stream<Path> files = Files.list(database.toAbsolutePath().getParent())) {
      return files.filter(file -> file.getFileName().toString().startsWith(name)).mapToLong(file -> file.toFile().length()).sum();
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      search.close();
    } finally {
      connection.close();
    }
  }
}
