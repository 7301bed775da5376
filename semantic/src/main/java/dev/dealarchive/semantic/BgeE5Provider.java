package dev.dealarchive.semantic;

/**
 * bge-small-en-v1.5 (int8) and e5-small-v2 (int8), cosines averaged: {@code ARCHIVE_MODEL=bge-e5-small-q}. On SciFact
 * the semantic side alone is clearly better than bge's; hybrid and the paraphrases are not (docs/semantic.md).
 */
public final class BgeE5Provider extends AveragedProvider {
  public BgeE5Provider() {
    super("bge-e5-small-q", new BgeSmallProvider(), new E5SmallProvider());
  }
}
