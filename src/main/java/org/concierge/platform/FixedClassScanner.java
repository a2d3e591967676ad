package org.concierge.platform;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.DataRepository;
import java.util.Set;
import org.concierge.identity.store.UserDocument;
import org.concierge.identity.store.UserDocuments;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;

/**
 * The mapped classes, listed: JNoSQL's default classpath scan costs seconds at every deployment and
 * finds nothing in an exploded one. A new entity or repository is added here.
 */
public class FixedClassScanner implements ClassScanner {

  private static final Set<Class<?>> ENTITIES = Set.of(UserDocument.class);
  private static final Set<Class<?>> REPOSITORIES = Set.of(UserDocuments.class);

  @Override
  public Set<Class<?>> entities() {
    return ENTITIES;
  }

  @Override
  public Set<Class<?>> repositories() {
    return REPOSITORIES;
  }

  @Override
  public Set<Class<?>> embeddables() {
    return Set.of();
  }

  @Override
  public <T extends DataRepository<?, ?>> Set<Class<?>> repositories(Class<T> filter) {
    return REPOSITORIES.stream()
        .filter(filter::isAssignableFrom)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  @Override
  public Set<Class<?>> repositoriesStandard() {
    return REPOSITORIES.stream()
        .filter(
            r ->
                CrudRepository.class.isAssignableFrom(r)
                    || BasicRepository.class.isAssignableFrom(r))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  @Override
  public Set<Class<?>> customRepositories() {
    return Set.of();
  }
}
