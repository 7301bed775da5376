package dev.dealarchive.bot;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What was asked before in a conversation. In a thread, the earlier questions to the bot are read from Slack
 * ({@code conversations.replies}); in a DM, the bot remembers the last question it answered for
 * {@link BotTiming#conversationWindow} (15 minutes), so a message soon after reads as a follow-up. If the thread
 * cannot be read, the question is answered as asked.
 */
final class Conversations {
  private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);
  private static final int MAX_DMS_REMEMBERED = 10_000;

  private record Last(String question, Instant answeredAt) {}

  private final MethodsClient methods;
  private final BotTiming timing;
  private final Map<String, Last> lastInDm = new LinkedHashMap<>();

  Conversations(MethodsClient methods, BotTiming timing) {
    this.methods = methods;
    this.timing = timing;
  }

  /**
   * The earlier questions of the thread {@code threadTs} in {@code channel} before {@code ts}, oldest first: the
   * thread's first message and every message that mentions the bot, without bot messages.
   */
  List<String> earlierInThread(String channel, String threadTs, String ts, String botUserId) {
    if (threadTs == null || threadTs.equals(ts)) {
      return List.of();
    }
    ConversationsRepliesResponse replies;
    try {
      replies = methods.conversationsReplies(r -> r.channel(channel).ts(threadTs).limit(100));
    } catch (IOException | SlackApiException e) {
      LOG.warn("thread in {} could not be read; answering without it: {}", channel, e.getClass().getSimpleName());
      return List.of();
    }
    if (!replies.isOk() || replies.getMessages() == null) {
      LOG.warn("thread in {} could not be read; answering without it: {}", channel, replies.getError());
      return List.of();
    }
    String mention = botUserId == null ? null : "<@" + botUserId + ">";
    List<String> questions = new ArrayList<>();
    for (Message message : replies.getMessages()) {
      boolean fromBot = message.getBotId() != null || (botUserId != null && botUserId.equals(message.getUser()));
      boolean earlier = message.getTs() != null && compareTs(message.getTs(), ts) < 0;
      boolean asked = threadTs.equals(message.getTs()) || mention != null && message.getText() != null
          && message.getText().contains(mention);
      if (!fromBot && earlier && asked) {
        String question = IncomingText.question(message.getText());
        if (!question.isBlank()) {
          questions.add(question);
        }
      }
    }
    return questions;
  }

  /** The question the bot last answered in the DM {@code channel}, if it did so within the window. */
  synchronized List<String> earlierInDm(String channel) {
    Last last = lastInDm.get(channel);
    if (last == null) {
      return List.of();
    }
    Instant now = timing.clock().instant();
    if (now.isAfter(last.answeredAt().plus(timing.conversationWindow()))) {
      lastInDm.remove(channel);
      return List.of();
    }
    return List.of(last.question());
  }

  /** Remembers that {@code question} (as understood) was answered in the DM {@code channel} now. */
  synchronized void answeredInDm(String channel, String question) {
    lastInDm.remove(channel);
    lastInDm.put(channel, new Last(question, timing.clock().instant()));
    if (lastInDm.size() > MAX_DMS_REMEMBERED) {
      Iterator<String> oldest = lastInDm.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  private static int compareTs(String a, String b) {
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }
}
