package org.concierge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.concierge.broadcast.Recipients.Recipient;
import org.concierge.identity.Role;
import org.concierge.identity.User;
import org.junit.jupiter.api.Test;

class SlotPlannerTest {

  @Test
  void dealsRecipientsRoundRobinOverTheLanes() {
    List<Recipient> seven = IntStream.range(0, 7).mapToObj(SlotPlannerTest::recipient).toList();
    List<List<Recipient>> dealt = SlotPlanner.deal(seven, 3);
    assertThat(dealt).hasSize(3);
    assertThat(dealt.get(0))
        .extracting(Recipient::address)
        .containsExactly("+1000", "+1003", "+1006");
    assertThat(dealt.get(1)).extracting(Recipient::address).containsExactly("+1001", "+1004");
    assertThat(dealt.get(2)).extracting(Recipient::address).containsExactly("+1002", "+1005");
  }

  @Test
  void aSingleLaneTakesEveryone() {
    List<Recipient> two = List.of(recipient(0), recipient(1));
    assertThat(SlotPlanner.deal(two, 1)).containsExactly(two);
  }

  private static Recipient recipient(int i) {
    User user =
        new User(
            "u" + i,
            null,
            "Person " + i,
            Role.USER,
            "+100" + i,
            false,
            null,
            null,
            null,
            false,
            false);
    return new Recipient(user, "+100" + i);
  }
}
