import dev.dealarchive.answer.Concept;
import dev.dealarchive.answer.PassagePicker;
import dev.dealarchive.answer.QuestionType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

public class PickCost {
  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> bodies = new ArrayList<>();
    try (var lines = Files.lines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      lines.limit(3000).forEach(l -> { try { JsonNode n = json.readTree(l); String b = n.path("body").asText(""); if (!b.isEmpty()) bodies.add(b); } catch (Exception e) { throw new RuntimeException(e); } });
    }
    List<Concept> concepts = List.of(new Concept("compani", Set.of("compani"), 1), new Concept("share", Set.of("share"), 2), new Concept("pct", Set.of("pct"), 1));
    for (int round = 0; round < 3; round++) {
      for (QuestionType type : QuestionType.values()) {
        long t0 = System.nanoTime(); double sink = 0;
        for (String b : bodies) sink += PassagePicker.pick(b, concepts, type).score();
        long dt = System.nanoTime() - t0;
        if (round == 2) System.out.printf("%-9s %.1f us per article (%d articles)%n", type, dt / 1e3 / bodies.size(), bodies.size());
      }
    }
  }
}
