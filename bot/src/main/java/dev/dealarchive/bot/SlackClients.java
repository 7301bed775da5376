package dev.dealarchive.bot;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

/** Builds the Slack SDK client so that every Web API call, {@code apps.connections.open} included, goes to the
 * configured base URL. */
public final class SlackClients {
  private SlackClients() {}

  /** A new client for {@code config}'s Web API URL; close it when done. */
  public static Slack create(BotConfig config) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.methodsEndpointUrlPrefix());
    slackConfig.setHttpClientReadTimeoutMillis(10_000);
    slackConfig.setHttpClientWriteTimeoutMillis(10_000);
    slackConfig.setHttpClientCallTimeoutMillis(20_000);
    slackConfig.setPrettyResponseLoggingEnabled(false);
    // The bot retries on its own terms (SlackPoster); the SDK's statistics threads are not needed.
    slackConfig.setStatsEnabled(false);
    return Slack.getInstance(slackConfig);
  }
}
