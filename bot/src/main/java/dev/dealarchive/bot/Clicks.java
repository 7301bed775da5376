package dev.dealarchive.bot;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers to button clicks: replacing the clicked message, apologising with an error id, reading the payload. */
final class Clicks {
  private static final Logger LOG = LoggerFactory.getLogger(Clicks.class);

  private final SlackPoster poster;
  private final ReplyRenderer renderer;

  Clicks(SlackPoster poster, ReplyRenderer renderer) {
    this.poster = poster;
    this.renderer = renderer;
  }

  /** Replaces the message whose button was clicked: in place for a posted message, through the response URL else. */
  void replace(BlockActionPayload payload, Reply reply) throws SlackPostException {
    BlockActionPayload.Container container = payload.getContainer();
    if (isEphemeral(payload)) {
      poster.respond(payload.getResponseUrl(), reply, true, true);
    } else {
      poster.update(container.getChannelId(), container.getMessageTs(), reply);
    }
  }

  /** Tells the clicker privately that their click failed, with the error id under which the log has the details. */
  void apologize(BlockActionPayload payload, String what, Exception e) {
    Reply apology = FailureReplies.of(renderer, what, e);
    if (payload.getResponseUrl() == null) {
      return;
    }
    try {
      poster.respond(payload.getResponseUrl(), apology, true, false);
    } catch (SlackPostException postFailure) {
      LOG.warn("apology was not posted: {}", postFailure.error());
    }
  }

  static boolean isEphemeral(BlockActionPayload payload) {
    BlockActionPayload.Container container = payload.getContainer();
    return container == null || container.isEphemeral() || container.getMessageTs() == null;
  }

  static String actionValue(BlockActionPayload payload) {
    return payload.getActions() == null || payload.getActions().isEmpty()
        ? null : payload.getActions().get(0).getValue();
  }

  static String channelOf(BlockActionPayload payload) {
    if (payload.getContainer() != null && payload.getContainer().getChannelId() != null) {
      return payload.getContainer().getChannelId();
    }
    return payload.getChannel() == null ? null : payload.getChannel().getId();
  }
}
