package dev.dealarchive.read;

/**
 * Finds the lines where the items or entries of a feed start. The feed parser does not keep positions, so the start
 * tags are counted in the raw document; when the count disagrees with the parser, no line is claimed.
 */
final class EntryLines {
  private static final byte[][] START_TAGS = {bytes("<item"), bytes("<entry")};

  private EntryLines() {}

  /**
   * The 1-based start line of each of the {@code expected} entries, or all zeros when the tags found do not match
   * the number of entries.
   */
  static int[] find(byte[] xml, int expected) {
    int[] lines = new int[expected];
    int found = 0;
    int line = 1;
    for (int i = 0; i < xml.length; i++) {
      if (xml[i] == '\n') {
        line++;
      } else if (xml[i] == '<' && isEntryStart(xml, i)) {
        if (found == expected) {
          return new int[expected];
        }
        lines[found++] = line;
      }
    }
    return found == expected ? lines : new int[expected];
  }

  private static boolean isEntryStart(byte[] xml, int at) {
    for (byte[] tag : START_TAGS) {
      int end = at + tag.length;
      if (end < xml.length && startsWith(xml, at, tag) && isNameEnd(xml[end])) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] xml, int at, byte[] tag) {
    for (int i = 0; i < tag.length; i++) {
      if (xml[at + i] != tag[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameEnd(byte b) {
    return b == '>' || b == '/' || b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  private static byte[] bytes(String ascii) {
    byte[] result = new byte[ascii.length()];
    for (int i = 0; i < ascii.length(); i++) {
      result[i] = (byte) ascii.charAt(i);
    }
    return result;
  }
}
