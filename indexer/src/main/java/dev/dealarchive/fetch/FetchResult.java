package dev.dealarchive.fetch;

import java.net.URI;

/**
 * A response that passed every check.
 *
 * @param uri the url finally fetched, after redirects
 * @param status the HTTP status (2xx, or 304 when {@code notModified})
 * @param contentType the {@code Content-Type} header, or null
 * @param body the body; empty when {@code notModified}
 * @param validators the response's {@code ETag} and {@code Last-Modified}, for the next conditional GET
 */
public record FetchResult(URI uri, int status, String contentType, byte[] body, Validators validators) {
  public FetchResult {
    body = body == null ? new byte[0] : body;
    validators = validators == null ? Validators.NONE : validators;
  }

  /** True when the server answered {@code 304 Not Modified} to a conditional GET. */
  public boolean notModified() {
    return status == 304;
  }
}
