package org.concierge.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.concierge.identity.Caller;
import org.concierge.identity.Role;
import org.concierge.platform.Conflict;
import org.concierge.platform.DomainException;
import org.concierge.platform.Forbidden;
import org.concierge.platform.NotFound;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChatTest {

  private static final Instant CREATED = Instant.parse("2026-11-23T10:00:00.000Z");

  private final Caller owner = new Caller("t1", "Tess", Role.USER);
  private final Caller otherTraveler = new Caller("t2", "Tom", Role.USER);
  private final Caller assigned = new Caller("a1", "Ada", Role.AGENT);
  private final Caller otherAgent = new Caller("a2", "Ari", Role.AGENT);
  private final Caller admin = new Caller("ad", "Root", Role.ADMIN);

  private Chat pending() {
    return Chat.open("c1", new Party("t1", "Tess"), "Lost bag", Priority.NORMAL, null, CREATED);
  }

  private Chat active() {
    return with(pending(), ChatStatus.ACTIVE, new Party("a1", "Ada"), false, null);
  }

  private Chat closed() {
    return with(pending(), ChatStatus.CLOSED, new Party("a1", "Ada"), false, null);
  }

  private static Chat with(
      Chat chat, ChatStatus status, Party agent, boolean escalated, Rating rating) {
    return new Chat(
        chat.id(),
        status,
        chat.priority(),
        chat.subject(),
        chat.department(),
        escalated,
        chat.traveler(),
        agent,
        chat.createdAt(),
        agent == null ? null : CREATED.plusSeconds(5),
        null,
        status == ChatStatus.CLOSED ? CREATED.plusSeconds(60) : null,
        null,
        List.of(),
        null,
        0,
        rating,
        java.util.Map.of());
  }

  /** What {@code check} does for {@code caller}: null when allowed, else the refusal's type. */
  private static Class<? extends DomainException> outcome(Consumer<Caller> check, Caller caller) {
    try {
      check.accept(caller);
      return null;
    } catch (DomainException e) {
      return e.getClass();
    }
  }

  @Nested
  class Visibility {

    @Test
    void aPendingChatIsSeenByItsTravelerEveryAgentAndAdmins() {
      Chat chat = pending();
      assertThat(chat.visibleTo(owner)).isTrue();
      assertThat(chat.visibleTo(assigned)).isTrue();
      assertThat(chat.visibleTo(otherAgent)).isTrue();
      assertThat(chat.visibleTo(admin)).isTrue();
      assertThat(chat.visibleTo(otherTraveler)).isFalse();
    }

    @Test
    void anActiveOrClosedChatIsHiddenFromOtherAgentsAndTravelers() {
      for (Chat chat : List.of(active(), closed())) {
        assertThat(chat.visibleTo(owner)).isTrue();
        assertThat(chat.visibleTo(assigned)).isTrue();
        assertThat(chat.visibleTo(admin)).isTrue();
        assertThat(chat.visibleTo(otherAgent)).isFalse();
        assertThat(chat.visibleTo(otherTraveler)).isFalse();
      }
    }

    @Test
    void checkVisibleAnswersNotFoundSoTheChatDoesNotLeak() {
      assertThatThrownBy(() -> active().checkVisible(otherTraveler)).isInstanceOf(NotFound.class);
      assertThatThrownBy(() -> active().checkVisible(otherAgent)).isInstanceOf(NotFound.class);
      assertThatCode(() -> active().checkVisible(owner)).doesNotThrowAnyException();
    }
  }

  @Nested
  class Posting {

    @Test
    void theTravelerTheAssignedAgentAndAdminsMayPostInAnOpenChat() {
      assertThat(outcome(active()::checkCanPost, owner)).isNull();
      assertThat(outcome(active()::checkCanPost, assigned)).isNull();
      assertThat(outcome(active()::checkCanPost, admin)).isNull();
      assertThat(outcome(pending()::checkCanPost, owner)).isNull();
      assertThat(outcome(pending()::checkCanPost, admin)).isNull();
    }

    @Test
    void anAgentWhoSeesAPendingChatMayNotWriteInIt() {
      assertThat(outcome(pending()::checkCanPost, otherAgent)).isEqualTo(Forbidden.class);
    }

    @Test
    void strangersGetNotFound() {
      assertThat(outcome(active()::checkCanPost, otherAgent)).isEqualTo(NotFound.class);
      assertThat(outcome(active()::checkCanPost, otherTraveler)).isEqualTo(NotFound.class);
      assertThat(outcome(pending()::checkCanPost, otherTraveler)).isEqualTo(NotFound.class);
    }

    @Test
    void aClosedChatRefusesWithConflict() {
      assertThat(outcome(closed()::checkCanPost, owner)).isEqualTo(Conflict.class);
      assertThat(outcome(closed()::checkCanPost, assigned)).isEqualTo(Conflict.class);
      assertThat(outcome(closed()::checkCanPost, admin)).isEqualTo(Conflict.class);
      assertThat(outcome(closed()::checkCanPost, otherAgent)).isEqualTo(NotFound.class);
    }
  }

  @Nested
  class Accepting {

    @Test
    void anyAgentOrAdminMayAcceptAPendingChat() {
      assertThat(outcome(pending()::checkCanAccept, otherAgent)).isNull();
      assertThat(outcome(pending()::checkCanAccept, admin)).isNull();
    }

    @Test
    void travelersAreForbiddenEvenTheirOwnChat() {
      assertThat(outcome(pending()::checkCanAccept, owner)).isEqualTo(Forbidden.class);
      assertThat(outcome(pending()::checkCanAccept, otherTraveler)).isEqualTo(Forbidden.class);
    }

    @Test
    void aChatThatNoLongerWaitsIsAConflictForEveryAgent() {
      assertThat(outcome(active()::checkCanAccept, otherAgent)).isEqualTo(Conflict.class);
      assertThat(outcome(active()::checkCanAccept, assigned)).isEqualTo(Conflict.class);
      assertThat(outcome(closed()::checkCanAccept, admin)).isEqualTo(Conflict.class);
    }
  }

  @Nested
  class Priorities {

    @Test
    void theAssignedAgentAndAdminsMayChangeIt() {
      assertThat(outcome(active()::checkCanChangePriority, assigned)).isNull();
      assertThat(outcome(active()::checkCanChangePriority, admin)).isNull();
      assertThat(outcome(pending()::checkCanChangePriority, admin)).isNull();
    }

    @Test
    void othersWhoSeeTheChatAreForbidden() {
      assertThat(outcome(active()::checkCanChangePriority, owner)).isEqualTo(Forbidden.class);
      assertThat(outcome(pending()::checkCanChangePriority, otherAgent)).isEqualTo(Forbidden.class);
    }

    @Test
    void strangersGetNotFoundAndAClosedChatAConflict() {
      assertThat(outcome(active()::checkCanChangePriority, otherAgent)).isEqualTo(NotFound.class);
      assertThat(outcome(active()::checkCanChangePriority, otherTraveler))
          .isEqualTo(NotFound.class);
      assertThat(outcome(closed()::checkCanChangePriority, assigned)).isEqualTo(Conflict.class);
      assertThat(outcome(closed()::checkCanChangePriority, admin)).isEqualTo(Conflict.class);
    }
  }

  @Nested
  class Transfers {

    @Test
    void theAssignedAgentAndAdminsMayTransferAnActiveChat() {
      assertThat(outcome(active()::checkCanTransfer, assigned)).isNull();
      assertThat(outcome(active()::checkCanTransfer, admin)).isNull();
    }

    @Test
    void othersAreForbiddenOrDoNotSeeIt() {
      assertThat(outcome(active()::checkCanTransfer, owner)).isEqualTo(Forbidden.class);
      assertThat(outcome(pending()::checkCanTransfer, otherAgent)).isEqualTo(Forbidden.class);
      assertThat(outcome(active()::checkCanTransfer, otherAgent)).isEqualTo(NotFound.class);
      assertThat(outcome(active()::checkCanTransfer, otherTraveler)).isEqualTo(NotFound.class);
    }

    @Test
    void onlyAnActiveChatCanBeTransferred() {
      assertThat(outcome(pending()::checkCanTransfer, admin)).isEqualTo(Conflict.class);
      assertThat(outcome(closed()::checkCanTransfer, assigned)).isEqualTo(Conflict.class);
      assertThat(outcome(closed()::checkCanTransfer, admin)).isEqualTo(Conflict.class);
    }
  }

  @Nested
  class Escalation {

    @Test
    void onlyTheAssignedAgentMayEscalate() {
      assertThat(outcome(active()::checkCanEscalate, assigned)).isNull();
      assertThat(outcome(active()::checkCanEscalate, admin)).isEqualTo(Forbidden.class);
      assertThat(outcome(active()::checkCanEscalate, owner)).isEqualTo(Forbidden.class);
      assertThat(outcome(pending()::checkCanEscalate, otherAgent)).isEqualTo(Forbidden.class);
      assertThat(outcome(active()::checkCanEscalate, otherAgent)).isEqualTo(NotFound.class);
      assertThat(outcome(active()::checkCanEscalate, otherTraveler)).isEqualTo(NotFound.class);
    }

    @Test
    void aClosedOrAlreadyEscalatedChatIsAConflict() {
      Chat escalated = with(pending(), ChatStatus.ACTIVE, new Party("a1", "Ada"), true, null);
      assertThat(outcome(escalated::checkCanEscalate, assigned)).isEqualTo(Conflict.class);
      assertThat(outcome(closed()::checkCanEscalate, assigned)).isEqualTo(Conflict.class);
    }
  }

  @Nested
  class Closing {

    @Test
    void theTravelerTheAssignedAgentAndAdminsMayClose() {
      assertThat(outcome(active()::checkCanClose, owner)).isNull();
      assertThat(outcome(active()::checkCanClose, assigned)).isNull();
      assertThat(outcome(active()::checkCanClose, admin)).isNull();
      assertThat(outcome(pending()::checkCanClose, owner)).isNull();
    }

    @Test
    void othersAreForbiddenOrDoNotSeeIt() {
      assertThat(outcome(pending()::checkCanClose, otherAgent)).isEqualTo(Forbidden.class);
      assertThat(outcome(active()::checkCanClose, otherAgent)).isEqualTo(NotFound.class);
      assertThat(outcome(pending()::checkCanClose, otherTraveler)).isEqualTo(NotFound.class);
    }

    @Test
    void closingTwiceIsAConflict() {
      assertThat(outcome(closed()::checkCanClose, owner)).isEqualTo(Conflict.class);
      assertThat(outcome(closed()::checkCanClose, admin)).isEqualTo(Conflict.class);
    }
  }

  @Nested
  class Ratings {

    @Test
    void onlyTheTravelerRatesAClosedChatOnce() {
      assertThat(outcome(closed()::checkCanRate, owner)).isNull();
      assertThat(outcome(closed()::checkCanRate, assigned)).isEqualTo(Forbidden.class);
      assertThat(outcome(closed()::checkCanRate, admin)).isEqualTo(Forbidden.class);
      assertThat(outcome(closed()::checkCanRate, otherTraveler)).isEqualTo(NotFound.class);
      assertThat(outcome(closed()::checkCanRate, otherAgent)).isEqualTo(NotFound.class);
    }

    @Test
    void anOpenOrRatedChatIsAConflict() {
      assertThat(outcome(active()::checkCanRate, owner)).isEqualTo(Conflict.class);
      assertThat(outcome(pending()::checkCanRate, owner)).isEqualTo(Conflict.class);
      Chat rated =
          with(pending(), ChatStatus.CLOSED, new Party("a1", "Ada"), false, new Rating(4, null));
      assertThat(outcome(rated::checkCanRate, owner)).isEqualTo(Conflict.class);
    }
  }

  @Nested
  class Messages {

    @Test
    void theFirstTextByStaffIsTheFirstResponseAndSeqOnlyGrows() {
      Chat chat = active();
      Instant t1 = CREATED.plusSeconds(10);
      Chat afterTraveler =
          chat.withMessage(message(1, new Sender("t1", "Tess", "user"), MessageType.TEXT, t1));
      assertThat(afterTraveler.firstResponseAt()).isNull();
      Chat afterSystem =
          afterTraveler.withMessage(
              message(2, Sender.SYSTEM, MessageType.SYSTEM, CREATED.plusSeconds(20)));
      assertThat(afterSystem.firstResponseAt()).isNull();
      Instant answered = CREATED.plusSeconds(30);
      Chat afterAgent =
          afterSystem.withMessage(
              message(3, new Sender("a1", "Ada", "agent"), MessageType.TEXT, answered));
      assertThat(afterAgent.firstResponseAt()).isEqualTo(answered);
      assertThat(afterAgent.lastSeq()).isEqualTo(3);
      Chat late =
          afterAgent.withMessage(
              message(2, new Sender("ad", "Root", "admin"), MessageType.TEXT, t1));
      assertThat(late.firstResponseAt()).isEqualTo(answered);
      assertThat(late.lastSeq()).isEqualTo(3);
      assertThat(late.lastMessageAt()).isEqualTo(answered);
    }

    private Message message(long seq, Sender sender, MessageType type, Instant at) {
      return new Message("m" + seq, "c1", seq, null, type, sender, "hi", at);
    }
  }
}
