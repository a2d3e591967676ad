package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.Session;

/** Agents and admins with phone numbers, and their status, for the tests of text messages. */
final class SmsStaff {

  private SmsStaff() {}

  /** A phone number no other test uses, in E.164. */
  static String newPhone() {
    return "+4178" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
  }

  /** A new agent with {@code phone}, signed in, in {@code status} (online, away or offline). */
  static Session agent(Desk desk, String phone, String status) {
    Session agent = staff(desk, "agent", phone);
    setStatus(agent, status);
    return agent;
  }

  static Session admin(Desk desk, String phone) {
    return staff(desk, "admin", phone);
  }

  static void setStatus(Session staff, String status) {
    Reply set = staff.client().put("/api/agents/me/status", Json.of("status", status));
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
  }

  /**
   * Takes every agent and admin that earlier tests left online off duty (disabling an account takes
   * it offline, enabling it again leaves it so), so that a test can see the desk with nobody there.
   */
  static void nobodyOnDuty(Desk desk) {
    Session admin = desk.admin();
    setStatus(admin, "offline");
    for (String role : new String[] {"agent", "admin"}) {
      for (JsonObject user : everyone(admin, role)) {
        if ("online".equals(user.getString("status", ""))
            && !user.getString("id").equals(admin.id())) {
          String path = "/api/admin/users/" + user.getString("id");
          assertThat(admin.client().put(path, Json.of("disabled", true)).status()).isEqualTo(200);
          assertThat(admin.client().put(path, Json.of("disabled", false)).status()).isEqualTo(200);
        }
      }
    }
  }

  /** Every user of {@code role}, following the pages of the list. */
  private static List<JsonObject> everyone(Session admin, String role) {
    List<JsonObject> all = new ArrayList<>();
    String cursor = null;
    do {
      Reply page =
          admin
              .client()
              .get(
                  "/api/admin/users?limit=100&role="
                      + role
                      + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.items().forEach(item -> all.add(item.asJsonObject()));
      JsonObject body = page.json();
      cursor =
          body.isNull("nextCursor") || page.items().isEmpty() ? null : body.getString("nextCursor");
    } while (cursor != null);
    return all;
  }

  private static Session staff(Desk desk, String role, String phone) {
    String email = Desk.uniqueEmail(role);
    Reply created =
        desk.admin()
            .client()
            .post(
                "/api/admin/users",
                Json.of(
                    "email",
                    email,
                    "password",
                    Desk.STAFF_PASSWORD,
                    "name",
                    role + " " + email.split("-")[1],
                    "role",
                    role,
                    "phone",
                    phone));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return desk.login(email, Desk.STAFF_PASSWORD);
  }
}
