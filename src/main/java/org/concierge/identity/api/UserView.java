package org.concierge.identity.api;

import java.util.List;
import org.concierge.identity.User;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@code user} object of API.md, plus {@code disabled} and {@code phoneVerified} (additions to
 * the contract). Secrets never leave through it.
 */
public record UserView(
    String id,
    String email,
    String name,
    String role,
    String phone,
    @Schema(
            description =
                "Present with phone: true once the person confirmed the number with a code sent"
                    + " to it (POST /api/me/phone/verification). Added to contract version 1;"
                    + " older servers leave it out.")
        Boolean phoneVerified,
    String status,
    List<String> departments,
    @Schema(
            description =
                "True when an admin has disabled the account: it cannot sign in and its tokens are"
                    + " refused. Added to contract version 1; older servers leave it out.")
        Boolean disabled) {

  public static UserView of(User user) {
    boolean staff = user.servesChats();
    return new UserView(
        user.id(),
        user.email(),
        user.name(),
        user.role().wire(),
        user.phone(),
        user.phone() == null ? null : user.phoneVerified(),
        staff && user.status() != null ? user.status().wire() : null,
        staff ? user.departments() : null,
        user.disabled());
  }
}
