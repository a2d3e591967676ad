package org.concierge.identity.store;

import jakarta.data.Limit;
import jakarta.data.Sort;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;

/** Queries on {@code users}, derived by JNoSQL from the method names. */
@Repository
public interface UserDocuments extends CrudRepository<UserDocument, String> {

  Optional<UserDocument> findByLogin(String login);

  List<UserDocument> findByIdGreaterThan(String after, Limit limit, Sort<UserDocument> order);

  List<UserDocument> findByRoleAndIdGreaterThan(
      String role, String after, Limit limit, Sort<UserDocument> order);

  List<UserDocument> findByRoleIn(List<String> roles);

  List<UserDocument> findByIdIn(List<String> ids);

  List<UserDocument> findByRoleIn(List<String> roles, Limit limit, Sort<UserDocument> order);
}
