package dev.dealarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhaseTest {
  @Test
  void parsesListsAndAll() {
    assertEquals(Set.of(Phase.BUILD, Phase.PEER), Phase.parseList("build, peer"));
    assertEquals(EnumSet.allOf(Phase.class), Phase.parseList("all"));
    assertEquals(EnumSet.complementOf(EnumSet.of(Phase.VECTORS)), Phase.parseList("default"));
    assertEquals(EnumSet.of(Phase.SEARCH, Phase.VECTORS), Phase.parseList("search,vectors"));
    assertThrows(IllegalArgumentException.class, () -> Phase.parseList("build,warp"));
    assertThrows(IllegalArgumentException.class, () -> Phase.parseList(" , "));
  }
}
