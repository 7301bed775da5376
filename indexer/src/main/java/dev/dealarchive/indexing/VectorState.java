package dev.dealarchive.indexing;

import java.util.HashMap;
import java.util.Map;

/**
 * What an index's commit says about its vectors.
 *
 * @param enabled whether syncs embed new and changed articles ({@code false} for a keyword-only index, and for
 *     indexes written before vectors existed)
 * @param modelKey the key of the model the vectors come from, or {@code null} when none was ever embedded
 * @param dimension the vectors' length, or 0
 */
public record VectorState(boolean enabled, String modelKey, int dimension) {
  /** A keyword-only index. */
  public static final VectorState OFF = new VectorState(false, null, 0);

  /** The state recorded in commit user data. */
  public static VectorState of(Map<String, String> userData) {
    String dimension = userData.get(ArchiveFields.EMBEDDING_DIMENSION_KEY);
    return new VectorState(
        "on".equals(userData.get(ArchiveFields.VECTORS_KEY)),
        userData.get(ArchiveFields.EMBEDDING_MODEL_KEY),
        dimension == null ? 0 : Integer.parseInt(dimension));
  }

  /** {@code userData} with this state written into it. */
  public Map<String, String> writeTo(Map<String, String> userData) {
    Map<String, String> data = new HashMap<>(userData);
    data.put(ArchiveFields.VECTORS_KEY, enabled ? "on" : "off");
    if (modelKey != null) {
      data.put(ArchiveFields.EMBEDDING_MODEL_KEY, modelKey);
      data.put(ArchiveFields.EMBEDDING_DIMENSION_KEY, Integer.toString(dimension));
    }
    return data;
  }

  /** Whether vectors of {@code otherKey} fit this index without re-embedding. */
  public boolean sameModel(String otherKey) {
    return modelKey == null || modelKey.equals(otherKey);
  }
}
