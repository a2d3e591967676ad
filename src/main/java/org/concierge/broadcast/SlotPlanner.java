package org.concierge.broadcast;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concierge.broadcast.Recipients.Recipient;
import org.concierge.broadcast.store.MongoPacingLanes;
import org.concierge.notify.Channel;
import org.concierge.notify.Lanes;
import org.concierge.notify.Outbox.BroadcastSlot;
import org.concierge.notify.Pace;
import org.concierge.notify.sms.SmsCourier;
import org.concierge.platform.Clock;
import org.concierge.platform.Conflict;
import org.concierge.platform.Settings;

/**
 * Gives each message of a broadcast its due time. Emails share one lane at {@code
 * CONCIERGE_BULK_EMAIL_PER_MINUTE}; text messages are dealt round robin over the sender numbers of
 * {@code CONCIERGE_TWILIO_FROM}, each number a lane of its own at {@code
 * CONCIERGE_BULK_SMS_PER_MINUTE}, and each message names its number in {@code data.from}. A lane's
 * run starts where the lane's earlier broadcasts end, or now.
 */
@ApplicationScoped
public class SlotPlanner {

  @Inject MongoPacingLanes reservations;
  @Inject Lanes lanes;
  @Inject Settings settings;
  @Inject Clock clock;

  /** Refuses a channel with no lane to send from: text messages need a sender number. */
  private void checkReady(Channel channel) {
    if (channel == Channel.SMS && settings.twilioFrom().isEmpty()) {
      throw new Conflict(
          "Text messages need a sender number: none is configured (CONCIERGE_TWILIO_FROM).");
    }
  }

  /** One slot per recipient, in their order, spread over the channel's lanes. */
  public List<BroadcastSlot> plan(Channel channel, List<Recipient> recipients) {
    checkReady(channel);
    List<String> senders = channel == Channel.SMS ? settings.twilioFrom() : List.of("");
    Pace pace = lanes.pace(channel);
    List<List<Recipient>> dealt = deal(recipients, senders.size());
    List<BroadcastSlot> slots = new ArrayList<>(recipients.size());
    Instant now = clock.now();
    for (int index = 0; index < senders.size(); index++) {
      List<Recipient> theirs = dealt.get(index);
      if (theirs.isEmpty()) {
        continue;
      }
      String sender = senders.get(index);
      String lane = channel == Channel.SMS ? Lanes.sms(sender) : Lanes.email();
      Instant start = reservations.reserve(lane, now, pace.span(theirs.size()));
      List<Instant> due = pace.slots(start, theirs.size());
      Map<String, String> data =
          channel == Channel.SMS ? Map.of(SmsCourier.FROM, sender) : Map.of();
      for (int i = 0; i < theirs.size(); i++) {
        Recipient recipient = theirs.get(i);
        slots.add(new BroadcastSlot(recipient.user(), recipient.address(), due.get(i), data));
      }
    }
    return slots;
  }

  /** Recipient {@code i} goes to lane {@code i mod lanes}. */
  static List<List<Recipient>> deal(List<Recipient> recipients, int lanes) {
    List<List<Recipient>> dealt = new ArrayList<>();
    for (int lane = 0; lane < lanes; lane++) {
      dealt.add(new ArrayList<>());
    }
    for (int i = 0; i < recipients.size(); i++) {
      dealt.get(i % lanes).add(recipients.get(i));
    }
    return dealt;
  }
}
