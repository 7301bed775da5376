package dev.dealarchive.opensearch;

import dev.dealarchive.cli.ClusterLocation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the archive lives on an OpenSearch cluster and how to reach it.
 *
 * @param urls the nodes to talk to ({@code http} or {@code https}); the client spreads requests over them and skips
 *     one that does not answer
 * @param index the name of the archive's index; its state (manifest, feed state) lives in {@code index + "-state"}
 * @param user user for HTTP basic authentication, or {@code null}
 * @param password password for {@code user}, or {@code null}; never printed
 */
public record ClusterConfig(List<URI> urls, String index, String user, String password) {
  /** The option and variable names, so messages and documentation use one spelling. */
  public static final String URL_VARIABLE = ClusterLocation.URL_VARIABLE;
  public static final String INDEX_VARIABLE = ClusterLocation.INDEX_VARIABLE;
  public static final String USER_VARIABLE = "ARCHIVE_OPENSEARCH_USER";
  public static final String PASSWORD_VARIABLE = "ARCHIVE_OPENSEARCH_PASSWORD";
  public static final String DEFAULT_INDEX = "archive";

  /** OpenSearch's own rules for index names: lower case, no leading {@code -_+}, none of {@code \/*?"<>| ,#:}. */
  private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,200}");

  public ClusterConfig {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("no OpenSearch url given");
    }
    if (index == null || !INDEX_NAME.matcher(index).matches() || index.equals(".") || index.equals("..")) {
      throw new IllegalArgumentException(
          "not a usable OpenSearch index name: \"" + index + "\" (lower-case letters, digits, '.', '_' and '-', "
              + "starting with a letter or digit)");
    }
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException(
          "set both " + USER_VARIABLE + " and " + PASSWORD_VARIABLE + ", or neither");
    }
  }

  /** The name of the index that holds the manifest and feed state. */
  public String stateIndex() {
    return index + "-state";
  }

  /**
   * The configuration from a command's options and the environment, or {@code null} when neither names a cluster
   * (the embedded index is then used).
   *
   * @param urlsOption the value of {@code --opensearch}, or {@code null}
   * @param indexOption the value of {@code --opensearch-index}, or {@code null}
   */
  public static ClusterConfig resolve(String urlsOption, String indexOption, Map<String, String> environment) {
    String urls = blankToNull(urlsOption);
    if (urls == null) {
      urls = blankToNull(environment.get(URL_VARIABLE));
    }
    if (urls == null) {
      return null;
    }
    String index = blankToNull(indexOption);
    if (index == null) {
      index = blankToNull(environment.get(INDEX_VARIABLE));
    }
    return new ClusterConfig(
        parseUrls(urls),
        index == null ? DEFAULT_INDEX : index,
        blankToNull(environment.get(USER_VARIABLE)),
        environment.get(PASSWORD_VARIABLE) == null || environment.get(PASSWORD_VARIABLE).isEmpty()
            ? null
            : environment.get(PASSWORD_VARIABLE));
  }

  /** Parses {@code http://host:9200,https://other:9200}; each must be http(s) with a host and no user info. */
  public static List<URI> parseUrls(String text) {
    List<URI> urls = new ArrayList<>();
    for (String part : text.split(",")) {
      String trimmed = part.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = new URI(trimmed);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not an OpenSearch url: \"" + trimmed + "\" (" + e.getReason() + ")");
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException(
            "an OpenSearch url must start with http:// or https://: \"" + trimmed + "\"");
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("an OpenSearch url needs a host: \"" + trimmed + "\"");
      }
      if (uri.getRawUserInfo() != null) {
        // Credentials in a url end up in logs and shell history; they come from the environment instead.
        throw new IllegalArgumentException(
            "put the user and password in " + USER_VARIABLE + " and " + PASSWORD_VARIABLE
                + ", not in the url (https://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + ")");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException("an OpenSearch url takes no query or fragment: \"" + trimmed + "\"");
      }
      urls.add(uri);
    }
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("no OpenSearch url given");
    }
    return urls;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Names the cluster and index; never the password. */
  @Override
  public String toString() {
    return "OpenSearch " + urls + " index " + index + (user == null ? "" : " as " + user);
  }
}
