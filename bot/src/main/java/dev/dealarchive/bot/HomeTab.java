package dev.dealarchive.bot;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.dealarchive.channels.ChannelSettings;
import dev.dealarchive.channels.Follow;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.search.SearchHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's Home tab for one user: what the archive holds (article count, newest article), the latest additions, the
 * channel follows the user created, and the commands.
 */
final class HomeTab {
  private static final int ADDITIONS = 5;

  private final ArchiveGateway archive;
  private final SeenArticles seen;
  private final ChannelSettings settings;
  private final ReplyRenderer renderer;

  HomeTab(ArchiveGateway archive, SeenArticles seen, ChannelSettings settings, ReplyRenderer renderer) {
    this.archive = archive;
    this.seen = seen;
    this.settings = settings;
    this.renderer = renderer;
  }

  /** The Home view for {@code userId}; the archive's figures are left out, with a note, when it cannot be read. */
  View view(String userId) {
    ReplyRenderer.Blocks blocks = new ReplyRenderer.Blocks();
    blocks.section("*The partnership archive*");
    try {
      ArchiveStats stats = archive.stats();
      List<SearchHit> newest = archive.latest(1);
      blocks.section("*" + stats.articles() + "* articles"
          + (newest.isEmpty() ? "" : "; newest: " + ReplyRenderer.citation(newest.get(0))));
      List<SearchHit> additions = additions();
      if (!additions.isEmpty()) {
        blocks.divider();
        blocks.section("*Latest additions*");
        for (SearchHit hit : additions) {
          blocks.section(ReplyRenderer.hitSection(hit));
        }
      }
    } catch (IOException | RuntimeException e) {
      blocks.context("The archive cannot be read right now (" + Incidents.record("building the Home tab", e) + ").");
    }
    blocks.divider();
    List<Follow> mine = settings.follows().stream().filter(f -> userId.equals(f.user())).toList();
    StringBuilder follows = new StringBuilder("*Your follows*");
    if (mine.isEmpty()) {
      follows.append("\nNone yet: type `/archive follow <query>` in a channel.");
    }
    for (Follow follow : mine) {
      follows.append("\n\u2022 <#").append(follow.channel()).append("> #").append(follow.number()).append(" `")
          .append(ReplyRenderer.echo(follow.query())).append('`');
    }
    blocks.section(follows.toString());
    blocks.divider();
    blocks.section(renderer.help().text());
    List<LayoutBlock> list = new ArrayList<>(blocks.list());
    return View.builder().type("home").blocks(list).build();
  }

  /** The articles seen most recently by the bot, newest first; the newest published when it has seen none yet. */
  private List<SearchHit> additions() throws IOException {
    List<String> ids = seen.newest(ADDITIONS);
    if (ids.isEmpty()) {
      return archive.latest(ADDITIONS);
    }
    List<SearchHit> hits = new ArrayList<>(archive.searchAmong("", ids, ADDITIONS).hits());
    hits.sort((a, b) -> Integer.compare(ids.indexOf(a.id()), ids.indexOf(b.id())));
    return hits;
  }
}
