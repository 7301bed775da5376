package dev.dealarchive.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures measured on one corpus size, in the order they were measured. Not thread-safe. */
public final class ScaleFigures {
  private final int scale;
  private final long articles;
  private final long inputBytes;
  private final Map<String, Figure> figures = new LinkedHashMap<>();

  /**
   * @param scale the corpus size as a multiple of the base corpus
   * @param articles articles in the corpus file
   * @param inputBytes size of the corpus file
   */
  public ScaleFigures(int scale, long articles, long inputBytes) {
    this.scale = scale;
    this.articles = articles;
    this.inputBytes = inputBytes;
  }

  /** The corpus size as a multiple of the base corpus. */
  public int scale() {
    return scale;
  }

  /** Articles in the corpus file. */
  public long articles() {
    return articles;
  }

  /** Size of the corpus file in bytes. */
  public long inputBytes() {
    return inputBytes;
  }

  /** Sets the archive's value of a figure, keeping the peer's if recorded. */
  public void ours(String key, String label, String unit, double value, boolean lowerIsBetter) {
    Figure known = figures.get(key);
    put(new Figure(key, label, unit, value, known == null ? null : known.peer(), lowerIsBetter));
  }

  /** Records or replaces a figure. */
  public void put(Figure figure) {
    figures.put(figure.key(), figure);
  }

  /** Sets the peer's value of a figure, keeping the archive's if recorded. */
  public void peer(String key, String label, String unit, double value, boolean lowerIsBetter) {
    Figure known = figures.get(key);
    put(new Figure(key, label, unit, known == null ? null : known.ours(), value, lowerIsBetter));
  }

  /** The figure with this key, or null. */
  public Figure get(String key) {
    return figures.get(key);
  }

  /** Every figure, in the order recorded. */
  public List<Figure> figures() {
    return new ArrayList<>(figures.values());
  }
}
