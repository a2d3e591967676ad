package org.concierge.identity.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.annotation.Priority;
import jakarta.data.Limit;
import jakarta.data.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.concierge.identity.Role;
import org.concierge.identity.User;
import org.concierge.platform.Conflict;
import org.concierge.platform.MongoErrors;
import org.concierge.platform.Store;

/** Users in the store: mapped through JNoSQL, with the unique email index kept by the driver. */
@ApplicationScoped
public class MongoUserRepository {

  static final String COLLECTION = "users";

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

  public User update(User user) {
    documents.update(UserDocument.from(user));
    return user;
  }

  public Optional<User> findById(String id) {
    return documents.findById(id).map(UserDocument::toUser);
  }

  /** The account (not a visitor) that signs in with this email. */
  public Optional<User> findByEmail(String email) {
    return documents.findByLogin(email).map(UserDocument::toUser);
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
    return database.getCollection(COLLECTION).countDocuments(new Document("role", "admin")) > 0;
  }
}
