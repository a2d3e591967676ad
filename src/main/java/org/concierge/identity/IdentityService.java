package org.concierge.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.concierge.identity.store.MongoUserRepository;
import org.concierge.platform.Clock;
import org.concierge.platform.Conflict;
import org.concierge.platform.Forbidden;
import org.concierge.platform.Invalid;
import org.concierge.platform.Unauthorized;

/** Every identity use case of API.md: sign-up, sign-in, visitors, staff accounts and status. */
@ApplicationScoped
public class IdentityService {

  @Inject MongoUserRepository users;
  @Inject PasswordHasher passwords;
  @Inject TokenIssuer tokens;
  @Inject LoginThrottle throttle;
  @Inject SignupLimiter signups;
  @Inject Clock clock;
  @Inject Event<AgentStatusChanged> statusChanges;

  /** A user together with a fresh token for them. */
  public record Session(String token, User user) {}

  public Session register(NewAccount account, String address) {
    signups.admit(address, clock.now());
    User user =
        users.insert(
            new User(
                users.newId(),
                account.email(),
                account.name(),
                Role.USER,
                account.phone(),
                null,
                List.of(),
                passwords.hash(account.password()),
                false));
    return new Session(tokens.issue(user), user);
  }

  public Session login(String email, String password, String address) {
    throttle.checkAllowed(email, address, clock.now());
    Optional<User> found = users.findByEmail(email);
    String hash = found.map(User::passwordHash).orElse(null);
    if (!passwords.matches(password, hash)) {
      throttle.recordFailure(email, address, clock.now());
      throw new Unauthorized("The email or password is wrong.");
    }
    return new Session(tokens.issue(found.get()), found.get());
  }

  public Session startVisit(String name, String email, String address) {
    signups.admit(address, clock.now());
    User visitor =
        users.insert(
            new User(
                users.newId(),
                email,
                name == null ? "Visitor" : name,
                Role.USER,
                null,
                null,
                List.of(),
                null,
                true));
    return new Session(tokens.issue(visitor), visitor);
  }

  public User me(Caller caller) {
    return users
        .findById(caller.id())
        .orElseThrow(() -> new Unauthorized("This account no longer exists."));
  }

  /** Creates an agent or admin account; only admins may. */
  public User createStaff(Caller caller, NewAccount account, Role role, List<String> departments) {
    requireAdmin(caller);
    if (!role.servesChats()) {
      throw new Invalid("role", "must be agent or admin");
    }
    return users.insert(
        new User(
            users.newId(),
            account.email(),
            account.name(),
            role,
            account.phone(),
            AgentStatus.OFFLINE,
            departments,
            passwords.hash(account.password()),
            false));
  }

  /** Users in creation order after {@code afterId}, optionally of one role; admins only. */
  public List<User> listUsers(Caller caller, Optional<Role> role, String afterId, int limit) {
    requireAdmin(caller);
    return users.page(role, afterId, limit);
  }

  public User setStatus(Caller caller, AgentStatus status) {
    if (!caller.servesChats()) {
      throw new Forbidden("Only agents and admins have a status.");
    }
    User user = me(caller);
    if (user.status() == status) {
      return user;
    }
    User updated = users.update(user.withStatus(status));
    statusChanges.fire(new AgentStatusChanged(updated.id(), status));
    return updated;
  }

  /** Every agent and admin, who are the people chats can be given to. */
  public List<User> staff() {
    return users.staff();
  }

  /**
   * A token for the dashboard's live connection, for the staff member signed in to it.
   *
   * @throws Unauthorized when that account is gone or no longer serves chats
   */
  public Session deskToken(DeskSession desk) {
    User user =
        findStaff(desk.userId())
            .orElseThrow(() -> new Unauthorized("This dashboard session has ended."));
    return new Session(tokens.issue(user), user);
  }

  /** The agent or admin with this id. */
  public Optional<User> findStaff(String id) {
    return users.findById(id).filter(User::servesChats);
  }

  /** Creates the first admin unless one exists. */
  public Optional<User> ensureFirstAdmin(String email, String password) {
    if (users.anyAdmin()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          users.insert(
              new User(
                  users.newId(),
                  email,
                  "Administrator",
                  Role.ADMIN,
                  null,
                  AgentStatus.OFFLINE,
                  List.of(),
                  passwords.hash(password),
                  false)));
    } catch (Conflict alreadyThere) {
      return Optional.empty();
    }
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw new Forbidden("Only admins may do this.");
    }
  }
}
