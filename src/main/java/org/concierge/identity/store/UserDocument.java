package org.concierge.identity.store;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;
import org.concierge.identity.AgentStatus;
import org.concierge.identity.Role;
import org.concierge.identity.User;

/**
 * A user as stored. {@code login}, unique, is what the user is known by: the sign-in email of an
 * account, {@code visitor:<id>} for a visitor, whose email (if given) is only a contact address.
 */
@Entity("users")
public record UserDocument(
    @Id String id,
    @Column String login,
    @Column String email,
    @Column String name,
    @Column String role,
    @Column String phone,
    @Column Boolean phoneVerified,
    @Column String status,
    @Column List<String> departments,
    @Column String passwordHash,
    @Column boolean visitor,
    @Column Boolean disabled) {

  static UserDocument from(User user) {
    return new UserDocument(
        user.id(),
        user.principalName(),
        user.email(),
        user.name(),
        user.role().wire(),
        user.phone(),
        user.phoneVerified() ? Boolean.TRUE : null,
        user.status() == null ? null : user.status().wire(),
        user.departments().isEmpty() ? null : user.departments(),
        user.passwordHash(),
        user.visitor(),
        user.disabled());
  }

  User toUser() {
    return new User(
        id,
        email,
        name,
        Role.fromWire(role),
        phone,
        // Documents stored before phones could be verified have no such field.
        Boolean.TRUE.equals(phoneVerified),
        status == null ? null : AgentStatus.fromWire(status),
        departments,
        passwordHash,
        visitor,
        // Documents stored before accounts could be disabled have no such field.
        Boolean.TRUE.equals(disabled));
  }
}
