package dev.dealarchive.generate;

import java.util.Optional;

/**
 * The outcome of asking the model: a written answer, or the reason the extractive answer stands alone.
 *
 * @param answer the written answer, or {@code null}
 * @param fallbackReason why there is none ("the model did not answer within 15.0 s"), or {@code null}
 * @param notice something the reader should know about a written answer (sentences dropped), or {@code null}
 */
public record Generation(WrittenAnswer answer, String fallbackReason, String notice) {
  static Generation written(WrittenAnswer answer, String notice) {
    return new Generation(answer, null, notice);
  }

  static Generation fallback(String reason) {
    return new Generation(null, reason, null);
  }

  /** The written answer, when there is one. */
  public Optional<WrittenAnswer> written() {
    return Optional.ofNullable(answer);
  }
}
