package dev.dealarchive.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealarchive.article.ArticleDraft;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads articles from JSON lines ({@code .jsonl}, {@code .ndjson}: one object per line, blank lines ignored) and JSON
 * ({@code .json}: one object or an array of objects).
 *
 * <p>Fields: {@code id} or {@code _id} (text or number), {@code title}, {@code body} or {@code text} or {@code
 * content}, {@code published} or {@code date}, {@code source}, {@code url}, {@code authors} or {@code author} (an
 * array or one name) and {@code tags} (an array or a comma-separated string). Other fields are ignored, which makes
 * BEIR corpora ({@code _id}, {@code title}, {@code text}) readable as they are.
 *
 * <p>JSON lines are streamed: the byte limit applies to each line, and a line that is oversized, not UTF-8, not
 * JSON or not an object is reported as skipped while reading goes on. A {@code .json} file is read whole, the limit
 * applies to the file, and malformed JSON makes the whole file unusable.
 */
public final class JsonReader implements ArticleReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();
  private static final int BINARY_SNIFF_BYTES = 8192;
  private static final int MAX_MESSAGE_LENGTH = 160;

  @Override
  public String format() {
    return "json";
  }

  @Override
  public void read(Path file, ReadOptions options, ReadListener listener) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      readLines(file, options, listener);
    } else {
      readDocument(TextFiles.read(file, options.maxBytes()), listener);
    }
  }

  private static void readLines(Path file, ReadOptions options, ReadListener listener) throws IOException {
    if (Files.size(file) == 0) {
      throw new InputProblem(0, "empty file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      ByteLines lines = new ByteLines(in, options.maxBytes());
      byte[] head = lines.peek(BINARY_SNIFF_BYTES);
      int nul = TextFiles.indexOf(head, (byte) 0, head.length);
      if (nul >= 0) {
        int line = TextFiles.lineAt(head, nul);
        throw new InputProblem(line, "binary file (NUL byte at line " + line + ")");
      }
      LineParser parser = new LineParser(options.maxBytes(), listener);
      while (lines.next()) {
        parser.parse(lines);
      }
    }
  }

  /** Parses the lines of one file, reusing its decoder and character buffer from line to line. */
  private static final class LineParser {
    private final long maxBytes;
    private final ReadListener listener;
    private final CharsetDecoder decoder = TextFiles.strictDecoder();
    private CharBuffer chars = CharBuffer.allocate(8192);

    LineParser(long maxBytes, ReadListener listener) {
      this.maxBytes = maxBytes;
      this.listener = listener;
    }

    void parse(ByteLines lines) {
      int line = lines.lineNumber();
      if (lines.oversized()) {
        listener.skipped(line, "oversized: " + lines.fullLength() + " bytes, limit " + maxBytes + " bytes");
        return;
      }
      byte[] bytes = lines.bytes();
      int start = line == 1 && TextFiles.hasBom(bytes) ? 3 : 0;
      if (isBlank(bytes, start, lines.length())) {
        return;
      }
      ByteBuffer input = ByteBuffer.wrap(bytes, start, lines.length() - start);
      if (!decode(input)) {
        listener.skipped(line, "invalid UTF-8 at byte " + (input.position() + 1) + " of the line");
        return;
      }
      JsonNode record;
      try (JsonParser json = FACTORY.createParser(chars.array(), 0, chars.position())) {
        record = MAPPER.readTree(json);
        if (json.nextToken() != null) {
          listener.skipped(line, "malformed JSON: more than one value on the line");
          return;
        }
      } catch (JsonProcessingException e) {
        listener.skipped(line, "malformed JSON: " + shortMessage(e));
        return;
      } catch (IOException e) {
        listener.skipped(line, "unreadable: " + e.getMessage());
        return;
      }
      if (record.isObject()) {
        listener.article(toDraft(record, line, listener));
      } else {
        listener.skipped(line, "not a JSON object but " + kind(record));
      }
    }

    /** Decodes strictly into {@link #chars}; false when the input is not UTF-8, left at the bad byte. */
    private boolean decode(ByteBuffer input) {
      if (chars.capacity() < input.remaining()) {
        chars = CharBuffer.allocate(Math.max(input.remaining(), chars.capacity() * 2));
      }
      chars.clear();
      decoder.reset();
      CoderResult result = decoder.decode(input, chars, true);
      if (result.isError()) {
        return false;
      }
      return !decoder.flush(chars).isError();
    }
  }

  /** Reads a whole JSON document; nothing is reported unless all of it parses. */
  static void readDocument(String text, ReadListener listener) throws InputProblem {
    List<JsonNode> records = new ArrayList<>();
    List<Integer> recordLines = new ArrayList<>();
    try (JsonParser json = FACTORY.createParser(text)) {
      JsonToken first = json.nextToken();
      if (first == JsonToken.START_OBJECT) {
        records.add(MAPPER.readTree(json));
        recordLines.add(0);
      } else if (first == JsonToken.START_ARRAY) {
        while (json.nextToken() != JsonToken.END_ARRAY) {
          recordLines.add(json.currentTokenLocation().getLineNr());
          records.add(MAPPER.readTree(json));
        }
      } else {
        throw new InputProblem(1, "not a JSON object or array of objects");
      }
      if (json.nextToken() != null) {
        throw new InputProblem(
            lineOf(json.currentTokenLocation()), "malformed JSON: unexpected content after the top-level value");
      }
    } catch (JsonProcessingException e) {
      throw new InputProblem(lineOf(e.getLocation()), "malformed JSON: " + shortMessage(e), e);
    } catch (InputProblem e) {
      throw e;
    } catch (IOException e) {
      throw new InputProblem(0, "unreadable JSON: " + e.getMessage(), e);
    }
    for (int i = 0; i < records.size(); i++) {
      JsonNode record = records.get(i);
      int line = recordLines.get(i);
      if (record.isObject()) {
        listener.article(toDraft(record, line, listener));
      } else {
        listener.skipped(line, "not a JSON object but " + kind(record));
      }
    }
  }

  /** The article in one JSON object found at {@code line}; warnings go to the listener. */
  static ArticleDraft toDraft(JsonNode record, int line, ReadListener listener) {
    RecordFields fields = new RecordFields(record);
    String body = fields.text("body", "text", "content");
    return new ArticleDraft(
        fields.text("id", "_id"),
        fields.text("title"),
        body == null ? null : ParagraphBuilder.fromPlainText(body),
        fields.instant(warning -> listener.warning(line, warning), "published", "date"),
        fields.text("source"),
        fields.text("url"),
        fields.list(false, "authors", "author"),
        fields.list(true, "tags"),
        line);
  }

  private static boolean isBlank(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
        return false;
      }
    }
    return true;
  }

  /** Jackson's reason without the location and source excerpt it appends, on one line. */
  private static String shortMessage(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
    message = message.lines().findFirst().orElse("invalid JSON");
    int sourceMention = message.indexOf(" (start marker at");
    if (sourceMention > 0) {
      message = message.substring(0, sourceMention);
    }
    return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH) + "...";
  }

  private static int lineOf(JsonLocation location) {
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }
}
