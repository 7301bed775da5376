package dev.dealarchive.bot;

/**
 * How many results one page of a reply shows, decided here only: {@link ReplyService} fetches by these sizes and
 * {@link ReplyRenderer} shows what it is given.
 */
public final class PageSizes {
  private PageSizes() {}

  /** Further articles shown per page under an answer. */
  public static final int ASK = 3;
  /** Hits shown per page of a search. */
  public static final int SEARCH = 5;
  /** Articles listed in one notification of a followed query or a digest; more are counted, not listed. */
  public static final int NOTIFICATION = 10;
}
