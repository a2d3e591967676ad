package org.concierge.identity.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import jakarta.annotation.Priority;
import jakarta.data.Limit;
import jakarta.data.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.concierge.identity.AgentStatus;
import org.concierge.identity.Role;
import org.concierge.identity.User;
import org.concierge.platform.Conflict;
import org.concierge.platform.MongoErrors;
import org.concierge.platform.Store;

/** Users in the store: mapped through JNoSQL, with the unique email index kept by the driver. */
@ApplicationScoped
public class MongoUserRepository {

  static final String COLLECTION = "users";

  /** Ids asked for in one query, so that a long list never makes one huge query. */
  private static final int LOOKUP_BATCH = 500;

  @Inject UserDocuments documents;
  @Inject MongoDatabase database;
  @Inject Store store;

  void createIndexes(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object started) {
    // Unique sign-in names: an email is taken once, however often visitors give it as contact.
    database
        .getCollection(COLLECTION)
        .createIndex(
            Indexes.ascending("login"), new IndexOptions().name("login_unique").unique(true));
    store.secondaryIndex(database.getCollection(COLLECTION), Indexes.ascending("role"));
  }

  /** A fresh id; ids sort in creation order, which lists rely on. */
  public String newId() {
    return new ObjectId().toHexString();
  }

  /**
   * Stores a new user.
   *
   * @throws Conflict when the email is taken
   */
  public User insert(User user) {
    try {
      documents.insert(UserDocument.from(user));
      return user;
    } catch (RuntimeException e) {
      if (MongoErrors.isDuplicateKey(e)) {
        throw new Conflict("An account with this email already exists.");
      }
      throw e;
    }
  }

  /**
   * Sets the status alone, so that a change an admin makes meanwhile (a role) is not written over;
   * a disabled account stays offline.
   *
   * @return the user as stored afterwards; empty for an unknown id or a disabled account
   */
  public Optional<User> setStatus(String id, AgentStatus status) {
    return set(
        and(eq("_id", id), notDisabled()), id, List.of(Updates.set("status", status.wire())));
  }

  /**
   * Sets the phone number alone, or removes it when {@code phone} is null. A number set for someone
   * is not proven theirs: it is verified only if it is the number they verified.
   *
   * @return the user as stored afterwards; empty for an unknown id
   */
  public Optional<User> setPhone(String id, String phone) {
    collection().updateOne(and(eq("_id", id), ne("phone", phone)), Updates.unset("phoneVerified"));
    return set(
        eq("_id", id),
        id,
        List.of(phone == null ? Updates.unset("phone") : Updates.set("phone", phone)));
  }

  public Optional<User> findById(String id) {
    return documents.findById(id).map(UserDocument::toUser);
  }

  /** The users of these ids that exist, in no particular order. */
  public List<User> findAll(Collection<String> ids) {
    List<String> all = List.copyOf(ids);
    List<User> found = new ArrayList<>();
    for (int first = 0; first < all.size(); first += LOOKUP_BATCH) {
      List<String> batch = all.subList(first, Math.min(all.size(), first + LOOKUP_BATCH));
      documents.findByIdIn(batch).forEach(document -> found.add(document.toUser()));
    }
    return found;
  }

  /** Every user of this role. */
  public List<User> withRole(Role role) {
    return documents.findByRoleIn(List.of(role.wire())).stream().map(UserDocument::toUser).toList();
  }

  /** The account (not a visitor) that signs in with this email. */
  public Optional<User> findByEmail(String email) {
    return documents.findByLogin(email).map(UserDocument::toUser);
  }

  /**
   * Makes {@code phone} the user's verified number. A number belongs to whoever proved it last: any
   * other account that had verified it (the number's previous owner, before the carrier gave it to
   * someone else) keeps it only as an unverified number.
   *
   * @return the user as stored afterwards; empty for an unknown id
   */
  public Optional<User> verifyPhone(String id, String phone) {
    collection()
        .updateMany(
            and(eq("phone", phone), eq("phoneVerified", true), ne("_id", id)),
            Updates.unset("phoneVerified"));
    return set(
        eq("_id", id),
        id,
        List.of(Updates.set("phone", phone), Updates.set("phoneVerified", true)));
  }

  /** Users after {@code afterId} in creation order, optionally of one role. */
  public List<User> page(Optional<Role> role, String afterId, int limit) {
    Sort<UserDocument> byId = Sort.asc("id");
    List<UserDocument> found =
        role.isPresent()
            ? documents.findByRoleAndIdGreaterThan(
                role.get().wire(), afterId, Limit.of(limit), byId)
            : documents.findByIdGreaterThan(afterId, Limit.of(limit), byId);
    return found.stream().map(UserDocument::toUser).toList();
  }

  /** Every agent and admin. */
  public List<User> staff() {
    return documents.findByRoleIn(List.of(Role.AGENT.wire(), Role.ADMIN.wire())).stream()
        .map(UserDocument::toUser)
        .toList();
  }

  public boolean anyAdmin() {
    return collection().countDocuments(new Document("role", "admin")) > 0;
  }

  /** One page of the users with these roles, newest first. */
  public List<User> slice(Collection<Role> roles, long first, int size) {
    long start = first + 1;
    return documents
        .findByRoleIn(wire(roles), Limit.range(start, start + size - 1), Sort.desc("id"))
        .stream()
        .map(UserDocument::toUser)
        .toList();
  }

  public long count(Collection<Role> roles) {
    return collection().countDocuments(in("role", wire(roles)));
  }

  /** How many admins can sign in. */
  public long enabledAdmins() {
    return collection().countDocuments(and(eq("role", Role.ADMIN.wire()), notDisabled()));
  }

  /** The ids of every disabled account. */
  public Set<String> disabledIds() {
    return ids(eq("disabled", true));
  }

  /** The ids of every user of this role. */
  public Set<String> idsOf(Role role) {
    return ids(eq("role", role.wire()));
  }

  private Set<String> ids(Bson filter) {
    Set<String> ids = new HashSet<>();
    collection()
        .find(filter)
        .projection(Projections.include("_id"))
        .forEach(document -> ids.add(String.valueOf(document.get("_id"))));
    return ids;
  }

  /**
   * Sets who the user is to the desk, changing those fields only, so that a status the user sets
   * meanwhile is not written over.
   *
   * @param status the status to set as well, or null to leave it
   * @return the user as stored afterwards; empty for an unknown id
   */
  public Optional<User> changeAccess(String id, Role role, boolean disabled, AgentStatus status) {
    List<Bson> changes = new ArrayList<>();
    changes.add(Updates.set("role", role.wire()));
    changes.add(Updates.set("disabled", disabled));
    if (status != null) {
      changes.add(Updates.set("status", status.wire()));
    }
    return set(eq("_id", id), id, changes);
  }

  private Optional<User> set(Bson which, String id, List<Bson> changes) {
    long matched = collection().updateOne(which, Updates.combine(changes)).getMatchedCount();
    return matched == 0 ? Optional.empty() : findById(id);
  }

  /** Accounts stored before they could be disabled have no such field, and are enabled. */
  private static Bson notDisabled() {
    return ne("disabled", true);
  }

  private MongoCollection<Document> collection() {
    return database.getCollection(COLLECTION);
  }

  private static List<String> wire(Collection<Role> roles) {
    return roles.stream().map(Role::wire).toList();
  }
}
