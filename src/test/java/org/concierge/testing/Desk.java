package org.concierge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Makes the people of a test: admins, agents, travelers and visitors, each freshly created. */
public final class Desk {

  /** The password of every agent and admin a test creates. */
  public static final String STAFF_PASSWORD = "staff-password";

  private static final AtomicInteger PEOPLE = new AtomicInteger();

  private final ConciergeServer server;

  public Desk(ConciergeServer server) {
    this.server = server;
  }

  /** A client without a token, from an address of its own. */
  public Client anonymous() {
    return new Client(server.baseUri(), randomAddress(), null);
  }

  public Session admin() {
    return login(ConciergeServer.ADMIN_EMAIL, ConciergeServer.ADMIN_PASSWORD);
  }

  public Session login(String email, String password) {
    Reply reply =
        anonymous().post("/api/auth/login", Json.of("email", email, "password", password));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return session(reply);
  }

  public Session newAgent() {
    return newStaff("agent");
  }

  public Session newAdmin() {
    return newStaff("admin");
  }

  /** A registered traveler. */
  public Session newTraveler() {
    String email = uniqueEmail("traveler");
    Reply reply =
        anonymous()
            .post(
                "/api/auth/register",
                Json.of(
                    "email",
                    email,
                    "password",
                    "traveler-pass",
                    "name",
                    "Traveler " + PEOPLE.get()));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return session(reply);
  }

  public Session newVisitor() {
    Reply reply =
        anonymous()
            .post("/api/auth/visitor", Json.of("name", "Visitor " + PEOPLE.incrementAndGet()));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return session(reply);
  }

  public static String uniqueEmail(String who) {
    return who
        + "-"
        + PEOPLE.incrementAndGet()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8)
        + "@it.example";
  }

  private Session newStaff(String role) {
    String email = uniqueEmail(role);
    Reply created =
        admin()
            .client()
            .post(
                "/api/admin/users",
                Json.of(
                    "email",
                    email,
                    "password",
                    STAFF_PASSWORD,
                    "name",
                    role + " " + PEOPLE.get(),
                    "role",
                    role));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return login(email, STAFF_PASSWORD);
  }

  private Session session(Reply reply) {
    String token = reply.json().getString("token");
    return new Session(
        new Client(server.baseUri(), randomAddress(), token),
        token,
        reply.json().getJsonObject("user"));
  }

  private static String randomAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "10."
        + random.nextInt(256)
        + "."
        + random.nextInt(256)
        + "."
        + (1 + random.nextInt(254));
  }
}
