package org.tocsin.campaigns.stream;

/**
 * Receives campaign events from a {@link StreamingDetector}, on the thread that called {@code
 * accept}, before {@code accept} returns.
 *
 * <p>Exception contract: an exception thrown by {@link #onEvent} propagates out of {@code accept};
 * the detector's state stays consistent (the post has been fully taken into account), but later
 * events of the same post are not delivered. Listeners that raise alerts should hand the event to
 * their own queue rather than block.
 */
@FunctionalInterface
public interface CampaignListener {

  /** Called once per event. */
  void onEvent(CampaignEvent event);
}
