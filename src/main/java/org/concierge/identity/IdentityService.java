package org.concierge.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.concierge.identity.store.MongoUserRepository;
import org.concierge.platform.Clock;
import org.concierge.platform.Conflict;
import org.concierge.platform.Forbidden;
import org.concierge.platform.Invalid;
import org.concierge.platform.NotFound;
import org.concierge.platform.Store;
import org.concierge.platform.Unauthorized;

/**
 * Every identity use case of API.md: sign-up, sign-in, visitors, staff accounts and status; and
 * what admins do to accounts: change an agent into an admin and back, disable and enable.
 */
@ApplicationScoped
public class IdentityService {

  static final String LAST_ADMIN =
      "The desk must keep at least one enabled admin: make someone else an admin first.";
  private static final Set<Role> STAFF_ROLES = EnumSet.of(Role.AGENT, Role.ADMIN);

  @Inject MongoUserRepository users;
  @Inject PasswordHasher passwords;
  @Inject TokenIssuer tokens;
  @Inject LoginThrottle throttle;
  @Inject SignupLimiter signups;
  @Inject Clock clock;
  @Inject Event<AgentStatusChanged> statusChanges;
  @Inject Event<AccountDisabled> disablings;
  @Inject AccountStanding standing;
  @Inject Store store;

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
                false,
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
    // Said only to whoever knows the password, so it tells a guesser nothing.
    if (found.get().disabled()) {
      throw new Forbidden("This account is disabled. Ask an admin to enable it.");
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
                true,
                false));
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
            false,
            false));
  }

  /** Users in creation order after {@code afterId}, optionally of one role; admins only. */
  public List<User> listUsers(Caller caller, Optional<Role> role, String afterId, int limit) {
    requireAdmin(caller);
    return users.page(role, afterId, limit);
  }

  /** One page of the users an admin looks after, newest first: staff, or everyone. */
  public List<User> users(Caller caller, boolean withTravelers, long first, int size) {
    requireAdmin(caller);
    return users.slice(roles(withTravelers), first, size);
  }

  public long countUsers(Caller caller, boolean withTravelers) {
    requireAdmin(caller);
    return users.count(roles(withTravelers));
  }

  /**
   * Makes an agent an admin or an admin an agent, and disables or enables an account; admins only.
   * An admin may not demote or disable themselves, and the last enabled admin stays one. A disabled
   * agent goes offline; their tokens, sockets and dashboard stop working. A demoted admin's tokens
   * stop working too, so that they sign in again as an agent.
   *
   * @param role agent or admin, or null to keep the role
   * @param disabled the new state, or null to keep it
   * @throws NotFound for an unknown user
   * @throws Forbidden when the caller is not an admin, or would lose their own admin rights
   * @throws Conflict for a traveler's role, or when no enabled admin would be left
   */
  public User changeAccess(Caller caller, String userId, Role role, Boolean disabled) {
    requireAdmin(caller);
    if (role != null && !role.servesChats()) {
      throw new Invalid("role", "must be agent or admin");
    }
    User before = users.findById(userId).orElseThrow(() -> new NotFound("There is no such user."));
    Role newRole = role == null ? before.role() : role;
    boolean nowDisabled = disabled == null ? before.disabled() : disabled;
    if (newRole != before.role() && !before.servesChats()) {
      throw new Conflict("A traveler cannot become an agent or admin; create a staff account.");
    }
    boolean losesAdmin = before.isEnabledAdmin() && (newRole != Role.ADMIN || nowDisabled);
    if (losesAdmin && users.enabledAdmins() <= 1) {
      throw new Conflict(LAST_ADMIN);
    }
    if (losesAdmin && before.id().equals(caller.id())) {
      throw new Forbidden(
          nowDisabled
              ? "You cannot disable your own account."
              : "You cannot take away your own admin role; ask another admin.");
    }
    if (newRole == before.role() && nowDisabled == before.disabled()) {
      return before;
    }
    boolean goesOffline =
        nowDisabled && before.servesChats() && before.status() != AgentStatus.OFFLINE;
    User after =
        users
            .changeAccess(userId, newRole, nowDisabled, goesOffline ? AgentStatus.OFFLINE : null)
            .orElseThrow(() -> new NotFound("There is no such user."));
    if (losesAdmin && users.enabledAdmins() == 0) {
      // Two admins took each other's rights at the same moment: both checks passed, so undo.
      users.changeAccess(userId, before.role(), before.disabled(), null);
      throw new Conflict(LAST_ADMIN);
    }
    store.makeDurable();
    standing.changed(userId, newRole, nowDisabled);
    if (goesOffline) {
      statusChanges.fire(new AgentStatusChanged(userId, AgentStatus.OFFLINE));
    }
    if (nowDisabled && !before.disabled()) {
      disablings.fire(new AccountDisabled(userId));
    }
    return after;
  }

  /**
   * Sets the phone number alerts are texted to, or removes it when {@code phone} is null; admins
   * only.
   *
   * @throws NotFound for an unknown user
   */
  public User changePhone(Caller caller, String userId, String phone) {
    requireAdmin(caller);
    User changed =
        users.setPhone(userId, phone).orElseThrow(() -> new NotFound("There is no such user."));
    store.makeDurable();
    return changed;
  }

  public User setStatus(Caller caller, AgentStatus status) {
    if (!caller.servesChats()) {
      throw new Forbidden("Only agents and admins have a status.");
    }
    User user = me(caller);
    if (user.status() == status) {
      return user;
    }
    User updated =
        users
            .setStatus(user.id(), status)
            .orElseThrow(() -> new Unauthorized("This account is disabled."));
    statusChanges.fire(new AgentStatusChanged(updated.id(), status));
    return updated;
  }

  /** Every enabled agent and admin, who are the people chats can be given to. */
  public List<User> staff() {
    return users.staff().stream().filter(user -> !user.disabled()).toList();
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

  /** The agent or admin with this id, unless their account is disabled. */
  public Optional<User> findStaff(String id) {
    return users.findById(id).filter(User::servesChats).filter(user -> !user.disabled());
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
                  false,
                  false)));
    } catch (Conflict alreadyThere) {
      return Optional.empty();
    }
  }

  private static Set<Role> roles(boolean withTravelers) {
    return withTravelers ? EnumSet.allOf(Role.class) : STAFF_ROLES;
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw new Forbidden("Only admins may do this.");
    }
  }
}
