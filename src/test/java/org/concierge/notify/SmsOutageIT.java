package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.notify.SmsStaff.newPhone;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.concierge.testing.Desk;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.TwilioStandIn;
import org.concierge.testing.TwilioStandIn.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Twilio cannot be reached while chats go on: nothing is sent and nothing lost, and once it is back
 * every text arrives exactly once. A number Twilio refuses is given up at once, with its reason.
 */
@ExtendWith(ServerExtension.class)
class SmsOutageIT {

  @Test
  void deliversEveryTextExactlyOnceAfterTwilioComesBack(Desk desk, TwilioStandIn twilio) {
    String phone = newPhone();
    Session agent = SmsStaff.agent(desk, phone, "away");
    List<String> rooms = new ArrayList<>();
    twilio.stop();
    try {
      for (int i = 0; i < 3; i++) {
        String room = desk.newTraveler().startChat("subject", "Outage " + i, "priority", "urgent");
        agent.accept(room);
        rooms.add(room);
      }
      Outboxes.awaitEntries(
          desk,
          phone,
          entries ->
              entries.size() == 3
                  && entries.stream().allMatch(e -> e.getString("state").equals("failed")));
      for (JsonObject entry : Outboxes.entries(desk, phone)) {
        assertThat(entry.getInt("attempts")).isGreaterThanOrEqualTo(1);
        assertThat(entry.getString("lastError")).isNotBlank();
      }
      assertThat(twilio.to(phone)).isEmpty();
    } finally {
      twilio.start();
    }

    Outboxes.awaitEntries(
        desk,
        phone,
        entries ->
            entries.size() == 3
                && entries.stream().allMatch(e -> e.getString("state").equals("sent")));
    List<Received> texts = twilio.to(phone);
    assertThat(texts).hasSize(3);
    for (String room : rooms) {
      assertThat(texts).filteredOn(t -> t.body().contains(room)).hasSize(1);
    }
    assertThat(Outboxes.entries(desk, phone))
        .extracting(e -> e.getString("reference"))
        .containsExactlyInAnyOrderElementsOf(texts.stream().map(Received::sid).toList());
  }

  @Test
  void aNumberTwilioRefusesIsGivenUpAtOnceWithItsReason(Desk desk, TwilioStandIn twilio) {
    String phone = newPhone();
    twilio.refuse(phone, 400, 21211, "The 'To' number " + phone + " is not a valid phone number.");
    Session agent = SmsStaff.agent(desk, phone, "away");

    String room = desk.newTraveler().startChat("subject", "Wrong number", "priority", "urgent");
    agent.accept(room);

    List<JsonObject> dead =
        Outboxes.awaitEntries(
            desk,
            phone,
            entries -> entries.size() == 1 && entries.get(0).getString("state").equals("dead"));
    assertThat(dead.get(0).getInt("attempts")).isEqualTo(1);
    assertThat(dead.get(0).getString("lastError"))
        .contains("21211")
        .contains("is not a valid phone number");
    assertThat(twilio.to(phone)).isEmpty();
  }
}
