package dev.dealarchive.semantic;

/**
 * bge-small-en-v1.5 (int8) and all-MiniLM-L6-v2 (int8), cosines averaged: {@code ARCHIVE_MODEL=bge-minilm-small-q}.
 * MiniLM adds about half of bge's CPU per passage (six layers instead of twelve).
 */
public final class BgeMiniLmProvider extends AveragedProvider {
  public BgeMiniLmProvider() {
    super("bge-minilm-small-q", new BgeSmallProvider(), new MiniLmProvider());
  }
}
