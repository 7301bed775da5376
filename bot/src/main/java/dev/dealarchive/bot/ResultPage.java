package dev.dealarchive.bot;

/**
 * Which slice of a result list one reply shows.
 *
 * @param offset how many results earlier pages showed
 * @param size how many results this page shows, at most
 * @param more whether a "More results" button offers the next page
 */
public record ResultPage(int offset, int size, boolean more) {
  public ResultPage {
    if (offset < 0 || size < 0) {
      throw new IllegalArgumentException("offset and size must not be negative: " + offset + ", " + size);
    }
  }

  /** The page of an answer's further articles starting at {@code offset}, of the {@code available} fetched. */
  public static ResultPage ofAnswer(int available, int offset) {
    return new ResultPage(offset, PageSizes.ASK, available > offset + PageSizes.ASK);
  }
}
