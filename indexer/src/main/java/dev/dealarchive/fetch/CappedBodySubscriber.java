package dev.dealarchive.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a size limit and fails with {@link FetchFailure#TOO_LARGE} beyond it, cancelling
 * the download. It can also refuse a body outright (wrong type) or discard it (redirects, errors).
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {
  private final long limit;
  private final FetchException refusal;
  private final boolean discard;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  private CappedBodySubscriber(long limit, FetchException refusal, boolean discard) {
    this.limit = limit;
    this.refusal = refusal;
    this.discard = discard;
  }

  /** Collects at most {@code limit} bytes. */
  static CappedBodySubscriber capped(long limit) {
    return new CappedBodySubscriber(limit, null, false);
  }

  /** Reads nothing and fails with {@code refusal}. */
  static CappedBodySubscriber refusing(FetchException refusal) {
    return new CappedBodySubscriber(0, refusal, false);
  }

  /** Reads nothing and yields an empty body. */
  static CappedBodySubscriber discarding() {
    return new CappedBodySubscriber(0, null, true);
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (refusal != null || discard) {
      subscription.cancel();
      if (refusal != null) {
        result.completeExceptionally(refusal);
      } else {
        result.complete(new byte[0]);
      }
      return;
    }
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      if ((long) bytes.size() + buffer.remaining() > limit) {
        subscription.cancel();
        result.completeExceptionally(
            new FetchException(FetchFailure.TOO_LARGE, "more than " + limit + " bytes"));
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
