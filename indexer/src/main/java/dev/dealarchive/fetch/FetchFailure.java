package dev.dealarchive.fetch;

/** Why a fetch was refused or failed; each has a message fit to show a user. */
public enum FetchFailure {
  /** The text is not an absolute url with a host. */
  BAD_URL("not a valid url"),
  /** The scheme is not {@code http} or {@code https}. */
  SCHEME_NOT_ALLOWED("only http and https urls are fetched"),
  /** The host is, or resolves to, a loopback, link-local, private or otherwise internal address. */
  PRIVATE_ADDRESS("the address is internal (loopback, link-local or private) and is not fetched"),
  /** The host name does not resolve. */
  UNKNOWN_HOST("the host name does not resolve"),
  /** No connection could be made. */
  CONNECT_FAILED("the server could not be reached"),
  /** Connecting or reading took longer than allowed. */
  TIMEOUT("the server took too long to answer"),
  /** More redirects than allowed, or a redirect without a usable location. */
  TOO_MANY_REDIRECTS("too many redirects"),
  /** The server answered with an error status. */
  HTTP_STATUS("the server answered with an error"),
  /** The body is larger than allowed. */
  TOO_LARGE("the page is larger than allowed"),
  /** The body is not of an accepted content type. */
  WRONG_CONTENT_TYPE("the content type is not accepted"),
  /** The body could not be understood (not a page, not a feed, nothing to extract). */
  UNREADABLE("the content could not be read"),
  /** Reading the response failed. */
  IO_ERROR("the response could not be read");

  private final String description;

  FetchFailure(String description) {
    this.description = description;
  }

  /** A short sentence saying what went wrong, without details. */
  public String description() {
    return description;
  }
}
