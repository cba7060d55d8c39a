package org.tocsin.campaigns.stream;

import java.util.List;
import java.util.Objects;

/**
 * A change to a campaign, as {@link StreamingDetector} reports it to its {@link CampaignListener}.
 *
 * @param type what happened
 * @param campaign the campaign after the change
 * @param newAccounts the accounts that joined with this change, in order of their first coordinated
 *     post (all of them for {@link Type#NEW})
 * @param absorbedIds for {@link Type#MERGED}, the ids of the younger campaigns that were merged
 *     into this one and no longer exist; empty otherwise
 */
public record CampaignEvent(
    Type type, StreamingCampaign campaign, List<String> newAccounts, List<String> absorbedIds) {

  /** The kinds of change. */
  public enum Type {
    /** A campaign was found for the first time; it gets its id now. */
    NEW,
    /** Accounts joined an existing campaign; its id is unchanged. */
    GROWN,
    /** Two or more campaigns became one; it keeps the id of the oldest. */
    MERGED
  }

  /** Checks the fields and freezes the lists. */
  public CampaignEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(campaign, "campaign");
    newAccounts = List.copyOf(newAccounts);
    absorbedIds = List.copyOf(absorbedIds);
  }
}
