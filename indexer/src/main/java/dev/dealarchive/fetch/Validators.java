package dev.dealarchive.fetch;

/**
 * The validators of a fetched response, sent back on the next request for a conditional GET.
 *
 * @param etag the {@code ETag} header, or null
 * @param lastModified the {@code Last-Modified} header, or null
 */
public record Validators(String etag, String lastModified) {
  /** No validators: an unconditional GET. */
  public static final Validators NONE = new Validators(null, null);

  public Validators {
    etag = etag == null || etag.isBlank() ? null : etag;
    lastModified = lastModified == null || lastModified.isBlank() ? null : lastModified;
  }

  /** True when there is nothing to send. */
  public boolean isEmpty() {
    return etag == null && lastModified == null;
  }
}
