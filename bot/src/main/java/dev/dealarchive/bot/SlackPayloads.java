package dev.dealarchive.bot;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.UrlVerificationRequest;
import java.util.Optional;

/**
 * Checks that a parsed Slack request carries what its type needs before Bolt routes it, so a malformed payload is
 * refused with {@code 400} instead of failing deep inside a handler.
 */
final class SlackPayloads {
  private SlackPayloads() {}

  /** Why {@code request} cannot be handled, or empty when it can; {@code null} is a payload of no known type. */
  static Optional<String> problem(Request<?> request) {
    if (request == null) {
      return Optional.of("not a Slack event, command or action");
    }
    return switch (request) {
      case UrlVerificationRequest verification -> isBlank(verification.getChallenge())
          ? Optional.of("url_verification without challenge") : Optional.empty();
      case EventRequest event -> isBlank(event.getEventType())
          ? Optional.of("event_callback without an event type") : Optional.empty();
      case SlashCommandRequest command -> commandProblem(command.getPayload());
      case BlockActionRequest action -> actionProblem(action.getPayload());
      default -> Optional.empty();
    };
  }

  private static Optional<String> commandProblem(SlashCommandPayload payload) {
    if (payload == null || isBlank(payload.getCommand())) {
      return Optional.of("slash command without command");
    }
    if (isBlank(payload.getUserId()) || isBlank(payload.getChannelId())) {
      return Optional.of("slash command without user or channel");
    }
    return Optional.empty();
  }

  private static Optional<String> actionProblem(BlockActionPayload payload) {
    if (payload == null) {
      return Optional.of("block_actions without payload");
    }
    if (payload.getUser() == null || isBlank(payload.getUser().getId())) {
      return Optional.of("block_actions without user");
    }
    if (payload.getActions() == null || payload.getActions().isEmpty()) {
      return Optional.of("block_actions without actions");
    }
    return Optional.empty();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
