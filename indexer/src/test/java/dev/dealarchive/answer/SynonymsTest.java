package dev.dealarchive.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SynonymsTest {

  @Test
  void namesInAGroupAreAliasesOfEachOther() {
    Synonyms synonyms = Synonyms.parse("# comment\nMicrosoft, MSFT\nAmazon Web Services, AWS\n");
    assertEquals(List.of("msft"), synonyms.aliasesOf("Microsoft"));
    assertEquals(List.of("amazon web services"), synonyms.aliasesOf("aws"));
    assertTrue(synonyms.aliasesOf("Oracle").isEmpty());
  }

  @Test
  void longestNameWinsWhenNamesOverlap() {
    Synonyms synonyms = Synonyms.parse("Amazon, AMZN\nAmazon Web Services, AWS\n");
    List<Synonyms.Hit> hits = synonyms.find(List.of("deal", "with", "amazon", "web", "services"));
    assertEquals(1, hits.size());
    assertEquals(2, hits.get(0).from());
    assertEquals(5, hits.get(0).to());
    assertEquals(List.of(List.of("aws")), hits.get(0).alternatives());
  }

  @Test
  void shippedDefaultsKnowTheCommonCloudAliases() {
    Synonyms defaults = Synonyms.defaults();
    assertTrue(defaults.aliasesOf("MSFT").contains("microsoft"));
    assertTrue(defaults.aliasesOf("AWS").contains("amazon web services"));
    assertTrue(defaults.aliasesOf("GCP").contains("google cloud"));
  }

  @Test
  void formsOfANameIncludeTheAliasesOfLongerNamesStartingWithIt() {
    Synonyms synonyms = Synonyms.parse("Amazon, AMZN\nAmazon Web Services, AWS\nMicrosoft, MSFT\n");
    assertEquals(
        Set.of("amzn", "amazon web services", "aws"), Set.copyOf(synonyms.formsOf("Amazon")));
    assertEquals(List.of("amazon web services"), synonyms.formsOf("AWS"));
    assertTrue(synonyms.formsOf("Kestrel").isEmpty());
  }
}
