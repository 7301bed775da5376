package dev.dealarchive.fetch;

import java.util.Locale;

/** What a fetch accepts, by content type. A response without a {@code Content-Type} is accepted. */
public enum Accept {
  /** Web pages: {@code text/html}, {@code application/xhtml+xml}. */
  PAGE("text/html,application/xhtml+xml;q=0.9"),
  /** Feeds: any XML type ({@code application/rss+xml}, {@code application/atom+xml}, {@code text/xml} ...). */
  FEED("application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8");

  private final String header;

  Accept(String header) {
    this.header = header;
  }

  /** The {@code Accept} request header. */
  public String header() {
    return header;
  }

  /** True when a response of this {@code Content-Type} (null when absent) is accepted. */
  public boolean accepts(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return switch (this) {
      case PAGE -> type.equals("text/html") || type.equals("application/xhtml+xml");
      case FEED -> type.contains("xml") || type.contains("rss") || type.contains("atom");
    };
  }
}
