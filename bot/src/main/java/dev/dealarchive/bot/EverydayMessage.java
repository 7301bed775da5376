package dev.dealarchive.bot;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The everyday messages people send a bot in a DM or the console instead of a question: a greeting, thanks, a plea
 * for help, or "latest". Recognised whole (after mentions and punctuation are dropped), so "latest AWS deals" stays a
 * question.
 */
enum EverydayMessage {
  GREETING("(hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening)|morning)( there| all| everyone| bot)?"),
  THANKS("(thanks|thank you|thx|ty|cheers|thanks a lot|many thanks|great,? thanks|ok,? thanks)( very much| so much)?"),
  HELP("(help|help me|\\?|what can you do|how does this work|commands|usage)"),
  LATEST("(latest|the latest|latest news|latest articles|what'?s new|anything new|news)");

  private final Pattern pattern;

  EverydayMessage(String regex) {
    this.pattern = Pattern.compile(regex);
  }

  /** What {@code text} is, when it is one of the everyday messages rather than a question. */
  static Optional<EverydayMessage> of(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String plain = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'')
        .replaceAll("[!.,;:\\s]+$", "").replaceAll("^[\\s,]+", "").replaceAll("\\s+", " ").strip();
    if (plain.equals("?")) {
      return Optional.of(HELP);
    }
    plain = plain.replaceAll("[?]+$", "").strip();
    for (EverydayMessage message : values()) {
      if (message.pattern.matcher(plain).matches()) {
        return Optional.of(message);
      }
    }
    return Optional.empty();
  }
}
