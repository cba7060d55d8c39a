package org.tocsin.node.campaigns.live;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tocsin.campaigns.stream.CampaignEvent;

/**
 * A campaign event as the live view keeps it for the API: what changed, when (the time of the post
 * that caused it), and the campaign's size after it.
 *
 * @param type NEW, GROWN or MERGED
 * @param campaignId the campaign's id after the change
 * @param at the creation time of the post that caused it
 * @param accounts accounts after the change
 * @param posts posts behind its edges after the change
 * @param newAccounts accounts that joined
 * @param absorbedIds for MERGED, the ids merged into it
 */
public record LiveEvent(
    CampaignEvent.Type type,
    String campaignId,
    Instant at,
    int accounts,
    int posts,
    List<String> newAccounts,
    List<String> absorbedIds) {

  /** Checks the fields and freezes the lists. */
  public LiveEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(at, "at");
    newAccounts = List.copyOf(newAccounts);
    absorbedIds = List.copyOf(absorbedIds);
  }

  static LiveEvent of(CampaignEvent e, Instant at) {
    return new LiveEvent(
        e.type(),
        e.campaign().id(),
        at,
        e.campaign().accounts().size(),
        e.campaign().posts(),
        e.newAccounts(),
        e.absorbedIds());
  }
}
