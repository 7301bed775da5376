package dev.dealarchive.fetch;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches pages and feeds from urls users supply, with every safety rule applied: the {@link UrlGuard} checks the url
 * and each redirect target, redirects are followed by hand up to {@link FetchOptions#maxRedirects()}, connecting and
 * reading are bounded by timeouts, the body by {@link FetchOptions#maxBytes()} (checked against {@code
 * Content-Length} first, then while reading) and its content type by an {@link Accept}. Every failure is a {@link
 * FetchException} with its {@link FetchFailure reason}.
 *
 * <p>Thread-safe; close it to stop its HTTP client and threads.
 */
public final class HttpFetcher implements AutoCloseable {
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final FetchOptions options;
  private final UrlGuard guard;
  private final ExecutorService executor;
  private final HttpClient client;

  /** A fetcher with the given limits and the default guard. */
  public HttpFetcher(FetchOptions options) {
    this(options, new UrlGuard(options));
  }

  /** A fetcher with the given limits and guard. */
  public HttpFetcher(FetchOptions options, UrlGuard guard) {
    this.options = options;
    this.guard = guard;
    int client = CLIENTS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "archive-http-" + client + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(options.connectTimeout())
            .executor(executor)
            .build();
  }

  /** The guard every url goes through. */
  public UrlGuard guard() {
    return guard;
  }

  /** Fetches a web page. */
  public FetchResult fetchPage(URI uri) throws FetchException {
    return fetch(uri, Accept.PAGE, Validators.NONE);
  }

  /**
   * Fetches {@code uri}, following redirects.
   *
   * @param accept the content types accepted
   * @param validators sent as {@code If-None-Match} and {@code If-Modified-Since}; a {@code 304} answer is then a
   *     result with {@link FetchResult#notModified()}
   * @throws FetchException when the url or a redirect target is refused, or the fetch fails
   */
  public FetchResult fetch(URI uri, Accept accept, Validators validators) throws FetchException {
    URI current = uri;
    // The read timeout bounds the whole fetch, connecting and every redirect included: the documented limit.
    long deadline = System.nanoTime() + options.readTimeout().toNanos();
    for (int redirects = 0; ; redirects++) {
      guard.check(current);
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      if (left.toMillis() < 1) {
        throw new FetchException(FetchFailure.TIMEOUT, "no complete answer from " + uri + " within "
            + options.readTimeout().toMillis() + " ms");
      }
      HttpResponse<byte[]> response = send(request(current, accept, validators, left), accept, current, left);
      int status = response.statusCode();
      if (isRedirect(status)) {
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null || location.isBlank()) {
          throw new FetchException(FetchFailure.TOO_MANY_REDIRECTS, status + " without a Location from " + current);
        }
        if (redirects >= options.maxRedirects()) {
          throw new FetchException(
              FetchFailure.TOO_MANY_REDIRECTS, "more than " + options.maxRedirects() + " from " + uri);
        }
        try {
          current = current.resolve(location.strip());
        } catch (IllegalArgumentException e) {
          throw new FetchException(FetchFailure.BAD_URL, "redirect to " + location, e);
        }
        continue;
      }
      HttpHeaders headers = response.headers();
      Validators received =
          new Validators(headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null));
      if (status == 304) {
        return new FetchResult(current, status, null, new byte[0], received.isEmpty() ? validators : received);
      }
      if (status < 200 || status >= 300) {
        throw new FetchException(FetchFailure.HTTP_STATUS, "status " + status + " from " + current);
      }
      return new FetchResult(
          current, status, headers.firstValue("Content-Type").orElse(null), response.body(), received);
    }
  }

  private HttpRequest request(URI uri, Accept accept, Validators validators, Duration left) throws FetchException {
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(uri);
    } catch (IllegalArgumentException e) {
      throw new FetchException(FetchFailure.BAD_URL, uri.toString(), e);
    }
    request.GET().timeout(left).header("User-Agent", options.userAgent()).header("Accept", accept.header());
    if (validators.etag() != null) {
      request.header("If-None-Match", validators.etag());
    }
    if (validators.lastModified() != null) {
      request.header("If-Modified-Since", validators.lastModified());
    }
    return request.build();
  }

  private HttpResponse<byte[]> send(HttpRequest request, Accept accept, URI uri, Duration left)
      throws FetchException {
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, handler(accept, uri));
    long waitMillis = Math.max(1, left.toMillis());
    try {
      return future.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new FetchException(FetchFailure.TIMEOUT, "no complete answer from " + uri + " within " + waitMillis + " ms");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchException(FetchFailure.IO_ERROR, "interrupted while fetching " + uri, e);
    } catch (ExecutionException e) {
      throw translate(e.getCause(), uri);
    }
  }

  private BodyHandler<byte[]> handler(Accept accept, URI uri) {
    return info -> {
      int status = info.statusCode();
      if (status < 200 || status >= 300) {
        return CappedBodySubscriber.discarding();
      }
      String type = info.headers().firstValue("Content-Type").orElse(null);
      if (!accept.accepts(type)) {
        return CappedBodySubscriber.refusing(
            new FetchException(FetchFailure.WRONG_CONTENT_TYPE, type + " from " + uri));
      }
      OptionalLong length = info.headers().firstValueAsLong("Content-Length");
      if (length.isPresent() && length.getAsLong() > options.maxBytes()) {
        return CappedBodySubscriber.refusing(
            new FetchException(
                FetchFailure.TOO_LARGE, length.getAsLong() + " bytes, more than " + options.maxBytes() + ", from " + uri));
      }
      return CappedBodySubscriber.capped(options.maxBytes());
    };
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** The fetch failure behind an exception of the HTTP client. */
  private static FetchException translate(Throwable failure, URI uri) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof FetchException fetch) {
        return fetch;
      }
      if (cause instanceof HttpConnectTimeoutException) {
        return new FetchException(FetchFailure.TIMEOUT, "connecting to " + uri.getHost(), failure);
      }
      if (cause instanceof HttpTimeoutException) {
        return new FetchException(FetchFailure.TIMEOUT, "waiting for " + uri, failure);
      }
      if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
        return new FetchException(FetchFailure.UNKNOWN_HOST, uri.getHost(), failure);
      }
      if (cause instanceof ConnectException) {
        return new FetchException(FetchFailure.CONNECT_FAILED, uri.getHost(), failure);
      }
    }
    String message = failure == null ? null : failure.getMessage();
    return new FetchException(
        FetchFailure.IO_ERROR, uri + (message == null ? "" : " (" + message + ")"), failure);
  }

  @Override
  public void close() {
    client.shutdownNow();
    executor.shutdownNow();
  }
}
