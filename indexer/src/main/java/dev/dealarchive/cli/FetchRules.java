package dev.dealarchive.cli;

import dev.dealarchive.fetch.FetchOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options that relax the URL safety rules, shared by {@code watch} and {@code add}. */
final class FetchRules {
  @Option(
      names = "--allow-private",
      description = "Fetch loopback, link-local and private addresses too (unsafe when urls come from users).")
  boolean allowPrivate;

  @Option(
      names = "--allow-host",
      paramLabel = "HOST",
      description = "A host or address fetched even though it is internal (an intranet feed); repeatable.")
  List<String> allowedHosts = new ArrayList<>();

  FetchOptions options() {
    return FetchOptions.defaults().withPrivateAddresses(allowPrivate).withAllowedHosts(Set.copyOf(allowedHosts));
  }
}
