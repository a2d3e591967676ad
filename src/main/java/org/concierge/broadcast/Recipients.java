package org.concierge.broadcast;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concierge.chat.store.MongoChatRepository;
import org.concierge.identity.Role;
import org.concierge.identity.User;
import org.concierge.identity.store.MongoUserRepository;
import org.concierge.notify.Channel;
import org.concierge.notify.Outbox;
import org.concierge.platform.PhoneNumbers;

/** Finds the people of an audience that a channel can reach. */
@ApplicationScoped
public class Recipients {

  @Inject MongoChatRepository chats;
  @Inject MongoUserRepository users;
  @Inject Outbox outbox;

  /** A person a broadcast reaches, at their address for its channel. */
  public record Recipient(User user, String address) {}

  /**
   * The people of {@code audience} that {@code channel} can reach, each once, in the order their
   * accounts were made: enabled accounts with an address for the channel (an email, or a phone for
   * SMS) that have not turned the channel off. Two accounts with one address (a visitor who gave a
   * registered traveler's email, say) count as one person.
   */
  public List<Recipient> of(Audience audience, Channel channel) {
    List<User> reachable =
        candidates(audience).stream()
            .filter(user -> !user.disabled() && address(user, channel).isPresent())
            .sorted(Comparator.comparing(User::id))
            .toList();
    Set<String> refusing = outbox.refusing(channel, reachable.stream().map(User::id).toList());
    Map<String, Recipient> byAddress = new LinkedHashMap<>();
    for (User user : reachable) {
      if (!refusing.contains(user.id())) {
        String address = address(user, channel).orElseThrow();
        byAddress.putIfAbsent(address.toLowerCase(Locale.ROOT), new Recipient(user, address));
      }
    }
    return List.copyOf(byAddress.values());
  }

  private List<User> candidates(Audience audience) {
    return switch (audience.group()) {
      case TRAVELERS ->
          users.findAll(
              chats.travelersWithChats(
                  audience.from(),
                  audience.to(),
                  Optional.ofNullable(audience.status()),
                  Optional.ofNullable(audience.priority())));
      case AGENTS -> users.withRole(Role.AGENT);
      case ADMINS -> users.withRole(Role.ADMIN);
    };
  }

  private static Optional<String> address(User user, Channel channel) {
    if (channel == Channel.SMS) {
      return PhoneNumbers.e164(user.phone());
    }
    return Optional.ofNullable(user.email()).map(String::strip).filter(a -> !a.isEmpty());
  }
}
