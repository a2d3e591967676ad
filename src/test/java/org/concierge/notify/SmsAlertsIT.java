package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.notify.SmsStaff.newPhone;

import java.util.List;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.TwilioStandIn;
import org.concierge.testing.TwilioStandIn.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The texts staff get about pressing chats, as Twilio receives them: alerts of high and urgent
 * chats to whoever is on duty (or the admins), and urgent chats that become an agent's.
 */
@ExtendWith(ServerExtension.class)
class SmsAlertsIT {

  private static final String ALERT = "CHAT_PRIORITY_ALERT";
  private static final String CRITICAL = "CRITICAL_ASSIGNMENT";

  @Test
  void anUrgentChatTextsTheAgentsOnlineWithAPhoneAndNoOneElse(
      Desk desk, TwilioStandIn twilio, ConciergeServer server) {
    String online = newPhone();
    String away = newPhone();
    String offline = newPhone();
    String adminPhone = newPhone();
    SmsStaff.agent(desk, online, "online");
    SmsStaff.agent(desk, away, "away");
    SmsStaff.agent(desk, offline, "offline");
    SmsStaff.admin(desk, adminPhone);
    Session traveler = desk.newTraveler();

    String room = traveler.startChat("subject", "Stranded in Oslo", "priority", "urgent");

    Received text = twilio.await(online, m -> true);
    assertThat(text.from()).isEqualTo(TwilioStandIn.FROM);
    assertThat(text.body())
        .isEqualTo(
            ConciergeServer.COMPANY_NAME
                + ": URGENT chat from "
                + traveler.name()
                + ": \"Stranded in Oslo\". Open it: "
                + server.baseUri()
                + "/desk/?chat="
                + room);
    assertThat(text.user()).isEqualTo(TwilioStandIn.ACCOUNT_SID);
    assertThat(text.password()).isEqualTo(TwilioStandIn.AUTH_TOKEN);
    assertThat(text.statusCallback()).isEqualTo(server.baseUri() + "/api/twilio/status");
    // The alerts are written before the start is answered: those not written now never will be.
    assertThat(Outboxes.addressesOf(desk, room, ALERT))
        .contains(online)
        .doesNotContain(away, offline, adminPhone);
    assertThat(twilio.to(away)).isEmpty();
    assertThat(twilio.to(offline)).isEmpty();
    assertThat(twilio.to(adminPhone)).isEmpty();
    NotifyEmailsIT.close(traveler, Json.of("id", room));
  }

  @Test
  void aChatRaisedToHighTextsTheOthersOnDutyButNotItsOwnAgent(Desk desk, TwilioStandIn twilio) {
    String colleague = newPhone();
    String own = newPhone();
    SmsStaff.agent(desk, colleague, "online");
    Session agent = SmsStaff.agent(desk, own, "online");
    Session traveler = desk.newTraveler();
    String room = traveler.startChat("subject", "Visa question");
    assertThat(Outboxes.addressesOf(desk, room, ALERT)).isEmpty();
    agent.accept(room);

    Reply raised =
        agent.client().put("/api/chat/" + room + "/priority", Json.of("priority", "high"));
    assertThat(raised.status()).as(raised.toString()).isEqualTo(200);

    Received text = twilio.await(colleague, m -> m.body().contains(room));
    assertThat(text.body()).contains(": HIGH chat from " + traveler.name() + ": \"Visa question\"");
    assertThat(Outboxes.addressesOf(desk, room, ALERT)).contains(colleague).doesNotContain(own);
    NotifyEmailsIT.close(agent, Json.of("id", room));
  }

  @Test
  void anEscalationToHighTextsTheOthersOnDuty(Desk desk, TwilioStandIn twilio) {
    String colleague = newPhone();
    SmsStaff.agent(desk, colleague, "online");
    Session agent = desk.newAgent();
    Session traveler = desk.newTraveler();
    String room = traveler.startChat("subject", "Refund refused");
    agent.accept(room);

    Reply escalated =
        agent
            .client()
            .post("/api/chat/" + room + "/escalate", Json.of("reason", "Needs a supervisor"));
    assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);

    Received text = twilio.await(colleague, m -> m.body().contains(room));
    assertThat(text.body()).contains(": HIGH chat from " + traveler.name());
    NotifyEmailsIT.close(agent, Json.of("id", room));
  }

  @Test
  void withNobodyOnDutyTheAdminsWithAPhoneAreTexted(Desk desk, TwilioStandIn twilio) {
    String adminPhone = newPhone();
    String agentPhone = newPhone();
    String disabledAdminPhone = newPhone();
    SmsStaff.admin(desk, adminPhone);
    SmsStaff.agent(desk, agentPhone, "away");
    Session disabled = SmsStaff.admin(desk, disabledAdminPhone);
    Reply disabling =
        desk.admin().client().put("/api/admin/users/" + disabled.id(), Json.of("disabled", true));
    assertThat(disabling.status()).as(disabling.toString()).isEqualTo(200);
    SmsStaff.nobodyOnDuty(desk);
    Session traveler = desk.newTraveler();

    String room = traveler.startChat("subject", "Night train", "priority", "high");

    Received text = twilio.await(adminPhone, m -> m.body().contains(room));
    assertThat(text.body()).contains(": HIGH chat from " + traveler.name());
    assertThat(Outboxes.addressesOf(desk, room, ALERT))
        .contains(adminPhone)
        .doesNotContain(agentPhone, disabledAdminPhone);
    NotifyEmailsIT.close(traveler, Json.of("id", room));
  }

  @Test
  void anUrgentChatThatBecomesAnAgentsTextsThatAgent(Desk desk, TwilioStandIn twilio) {
    String firstPhone = newPhone();
    String secondPhone = newPhone();
    Session first = SmsStaff.agent(desk, firstPhone, "away");
    Session second = SmsStaff.agent(desk, secondPhone, "away");
    Session traveler = desk.newTraveler();
    String room = traveler.startChat("subject", "Cancelled ferry", "priority", "urgent");

    first.accept(room);
    Received accepted = twilio.await(firstPhone, m -> m.body().contains(room));
    assertThat(accepted.body())
        .startsWith(ConciergeServer.COMPANY_NAME + ": an URGENT chat is now yours: ")
        .contains(traveler.name() + ", \"Cancelled ferry\"");

    Reply moved =
        first.client().post("/api/chat/" + room + "/transfer", Json.of("agentId", second.id()));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    Received transferred = twilio.await(secondPhone, m -> m.body().contains(room));
    assertThat(transferred.body())
        .contains("an URGENT chat is now yours, from " + first.name() + ": " + traveler.name());
    assertThat(Outboxes.addressesOf(desk, room, CRITICAL))
        .containsExactlyInAnyOrder(firstPhone, secondPhone);
    NotifyEmailsIT.close(second, Json.of("id", room));
  }

  @Test
  void aNormalChatAcceptedTextsNobody(Desk desk) {
    String phone = newPhone();
    Session agent = SmsStaff.agent(desk, phone, "online");
    Session traveler = desk.newTraveler();
    String room = traveler.startChat("subject", "Seat map");

    agent.accept(room);

    List<String> texts =
        Outboxes.ofRoom(desk, room).stream()
            .filter(e -> e.getString("channel").equals("sms"))
            .map(e -> e.getString("address"))
            .toList();
    assertThat(texts).isEmpty();
    NotifyEmailsIT.close(agent, Json.of("id", room));
  }

  @Test
  void staffWhoTurnedTextsOffGetNoAlert(Desk desk, TwilioStandIn twilio) {
    String quiet = newPhone();
    String keen = newPhone();
    Session agent = SmsStaff.agent(desk, quiet, "online");
    SmsStaff.agent(desk, keen, "online");
    Reply off = agent.client().put("/api/me/notifications", Json.of("email", true, "sms", false));
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    Session traveler = desk.newTraveler();

    String room = traveler.startChat("subject", "Lost passport", "priority", "urgent");
    agent.accept(room);

    twilio.await(keen, m -> m.body().contains(room));
    assertThat(Outboxes.ofRoom(desk, room).stream().map(e -> e.getString("address")))
        .contains(keen)
        .doesNotContain(quiet);
    assertThat(twilio.to(quiet)).isEmpty();
    NotifyEmailsIT.close(agent, Json.of("id", room));
  }
}
