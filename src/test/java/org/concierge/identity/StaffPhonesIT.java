package org.concierge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Admins give agents and admins the phone numbers their text alerts go to, in E.164. */
@ExtendWith(ServerExtension.class)
class StaffPhonesIT {

  @Test
  void aNewAgentsPhoneIsStoredInInternationalForm(Desk desk) {
    Reply created = create(desk, "+41 (44) 123-45-67");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getString("phone")).isEqualTo("+41441234567");
  }

  @Test
  void aPhoneWithoutCountryCodeIsRefused(Desk desk) {
    Reply refused = create(desk, "044 123 45 67");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("phone");
  }

  @Test
  void anAdminChangesAndRemovesAnAgentsPhone(Desk desk) {
    Session admin = desk.admin();
    String agent = create(desk, "+41441234567").json().getString("id");
    String path = "/api/admin/users/" + agent;

    Reply changed = admin.client().put(path, Json.of("phone", "+44 20 7946 0958"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().getString("phone")).isEqualTo("+442079460958");
    assertThat(changed.json().getString("role")).isEqualTo("agent");

    Reply invalid = admin.client().put(path, Json.of("phone", "call me"));
    assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
    Reply unchanged = admin.client().put(path, Json.of("disabled", false));
    assertThat(unchanged.json().getString("phone")).isEqualTo("+442079460958");

    Reply removed = admin.client().put(path, Json.of("phone", ""));
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    assertThat(removed.json().containsKey("phone")).as(removed.toString()).isFalse();
  }

  @Test
  void roleAndPhoneChangeTogether(Desk desk) {
    String agent = create(desk, null).json().getString("id");

    Reply changed =
        desk.admin()
            .client()
            .put("/api/admin/users/" + agent, Json.of("role", "admin", "phone", "+14155550100"));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    JsonObject user = changed.json();
    assertThat(user.getString("role")).isEqualTo("admin");
    assertThat(user.getString("phone")).isEqualTo("+14155550100");
  }

  @Test
  void onlyAdminsChangePhones(Desk desk) {
    Session agent = desk.newAgent();

    Reply refused =
        agent.client().put("/api/admin/users/" + agent.id(), Json.of("phone", "+14155550100"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
  }

  @Test
  void anUnknownUsersPhoneIsNotFound(Desk desk) {
    Reply missing =
        desk.admin()
            .client()
            .put("/api/admin/users/0123456789abcdef01234567", Json.of("phone", "+14155550100"));

    assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
  }

  private static Reply create(Desk desk, String phone) {
    String email = Desk.uniqueEmail("phone");
    Object[] body =
        phone == null
            ? new Object[] {
              "email", email, "password", Desk.STAFF_PASSWORD, "name", "Phone", "role", "agent"
            }
            : new Object[] {
              "email",
              email,
              "password",
              Desk.STAFF_PASSWORD,
              "name",
              "Phone",
              "role",
              "agent",
              "phone",
              phone
            };
    return desk.admin().client().post("/api/admin/users", Json.of(body));
  }
}
