package org.concierge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.regex.Pattern;
import org.concierge.testing.Chromium;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.StaffBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An admin looks after the desk's accounts on the users page. */
@ExtendWith(ServerExtension.class)
class AdminUsersBrowserIT {

  private static final String USERS = "/admin/users.xhtml";

  @Test
  void anAdminCreatesAnAgentWhoCanThenSignIn(Chromium chromium, Desk desk) {
    Page page = usersPage(chromium, desk.newAdmin());
    String email = Desk.uniqueEmail("mia");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New user")).click();
    Locator dialog = page.locator(".new-user-dialog");
    assertThat(dialog).isVisible();
    assertThat(dialog.getByLabel("Name")).isFocused();
    dialog.getByLabel("Name").fill("Mia Keller");
    dialog.getByLabel("Email").fill("not-an-email");
    dialog.locator("input[type=password]").fill("short");
    dialog.getByLabel("Phone (optional)").fill("+41 44 123 45 67");
    create(dialog);
    assertThat(dialog.getByText("Email must be an email address.")).isVisible();
    assertThat(dialog.getByText("Password must be at least 8 characters.")).isVisible();

    Session taken = desk.newAgent();
    dialog.getByLabel("Email").fill(taken.email());
    dialog.locator("input[type=password]").fill(Desk.STAFF_PASSWORD);
    create(dialog);
    assertThat(dialog.getByText("An account with this email already exists.")).isVisible();

    dialog.getByLabel("Email").fill(email);
    dialog.locator("input[type=password]").fill(Desk.STAFF_PASSWORD);
    Locator departments = dialog.locator(".ui-chips input");
    departments.fill("Flights");
    departments.press("Enter");
    create(dialog);
    assertThat(page.locator(".ui-growl"))
        .containsText("Agent Mia Keller can now sign in as " + email);
    assertThat(dialog).isHidden();
    Locator row = row(page, email);
    assertThat(row.locator(".pill.role-agent")).hasText("Agent");
    assertThat(row.locator(".pill.department")).hasText("Flights");
    assertThat(row.locator(".presence")).hasText("Offline");

    Session mia = desk.login(email, Desk.STAFF_PASSWORD);
    Page miasPage = StaffBrowser.signIn(chromium.newPerson(), mia);
    assertThat(miasPage.locator(".staff-bar .who")).hasText("Mia Keller");
    assertThat(Chromium.errors(page)).isEmpty();
  }

  @Test
  void anAdminChangesRolesButNotTheirOwn(Chromium chromium, Desk desk) {
    Session admin = desk.newAdmin();
    Session agent = desk.newAgent();
    Page page = usersPage(chromium, admin);

    Locator row = row(page, agent.email());
    confirmed(
        page, row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make admin")));
    assertThat(page.locator(".ui-growl")).containsText(agent.name() + " is now an admin.");
    assertThat(row(page, agent.email()).locator(".pill.role-admin")).hasText("Admin");
    assertThat(desk.login(agent.email(), Desk.STAFF_PASSWORD).user().getString("role"))
        .isEqualTo("admin");

    confirmed(
        page,
        row(page, agent.email())
            .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make agent")));
    assertThat(page.locator(".ui-growl")).containsText(agent.name() + " is now an agent.");
    assertThat(row(page, agent.email()).locator(".pill.role-agent")).hasText("Agent");

    Locator me = row(page, admin.email());
    assertThat(me.locator(".you")).isVisible();
    confirmed(
        page, me.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make agent")));
    assertThat(page.locator(".ui-growl"))
        .containsText("You cannot take away your own admin role; ask another admin.");
    assertThat(row(page, admin.email()).locator(".pill.role-admin")).hasText("Admin");
    page.reload();
    assertThat(page).hasURL(Pattern.compile(".*/admin/users\\.xhtml"));
  }

  @Test
  void aDisabledAgentIsLockedOutUntilEnabledAgain(Chromium chromium, Desk desk) {
    Session agent = desk.newAgent();
    Page agentsPage = StaffBrowser.signIn(chromium.newPerson(), agent);
    Page page = usersPage(chromium, desk.newAdmin());

    confirmed(
        page,
        row(page, agent.email())
            .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable")));
    assertThat(page.locator(".ui-growl")).containsText(agent.name() + " is disabled");
    assertThat(row(page, agent.email()).locator(".pill.account-disabled")).hasText("Disabled");
    Chromium.screenshot(page, "admin-users");

    assertThat(agent.client().get("/api/auth/me").status()).isEqualTo(401);
    agentsPage.navigate("/desk/");
    assertThat(agentsPage).hasURL(Pattern.compile(".*/signin\\.xhtml"));
    Reply login =
        desk.anonymous()
            .post(
                "/api/auth/login",
                Json.of("email", agent.email(), "password", Desk.STAFF_PASSWORD));
    assertThat(login.status()).isEqualTo(403);
    agentsPage.getByLabel("Email").fill(agent.email());
    agentsPage.locator("input[type=password]").fill(Desk.STAFF_PASSWORD);
    agentsPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(agentsPage.getByText("This account is disabled.")).isVisible();

    row(page, agent.email())
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enable"))
        .click();
    assertThat(page.locator(".ui-growl")).containsText(agent.name() + " is enabled again");
    assertThat(row(page, agent.email()).locator(".pill.account-enabled")).hasText("Enabled");
    assertThat(agent.client().get("/api/auth/me").status()).isEqualTo(200);
    StaffBrowser.signIn(agentsPage, agent);
  }

  @Test
  void anAdminGivesAnAgentAPhoneNumberForTextAlerts(Chromium chromium, Desk desk) {
    Session admin = desk.newAdmin();
    Session agent = desk.newAgent();
    Page page = usersPage(chromium, admin);

    Locator phone = row(page, agent.email()).locator(".phone-edit");
    assertThat(phone).hasText("Add");
    phone.click();
    Locator dialog = page.locator(".phone-dialog");
    assertThat(dialog).isVisible();
    dialog.getByLabel("Phone for text alerts (empty for none)").fill("044 123 45 67");
    save(dialog);
    assertThat(dialog.getByText("Phone must be an international number")).isVisible();

    dialog.getByLabel("Phone for text alerts (empty for none)").fill("+41 79 555 01 23");
    save(dialog);
    assertThat(page.locator(".ui-growl"))
        .containsText(agent.name() + " gets text alerts at +41795550123.");
    assertThat(dialog).isHidden();
    assertThat(phone).hasText("+41795550123");
    assertThat(phoneOf(admin, agent)).isEqualTo("+41795550123");

    phone.click();
    assertThat(dialog.getByLabel("Phone for text alerts (empty for none)"))
        .hasValue("+41795550123");
    dialog.getByLabel("Phone for text alerts (empty for none)").fill("");
    save(dialog);
    assertThat(page.locator(".ui-growl")).containsText(agent.name() + " has no phone number now");
    assertThat(phone).hasText("Add");
    assertThat(phoneOf(admin, agent)).isNull();
  }

  @Test
  void travelersAreListedOnRequest(Chromium chromium, Desk desk) {
    Session traveler = desk.newTraveler();
    Page page = usersPage(chromium, desk.newAdmin());
    Locator travelerRow =
        page.locator("tr", new Page.LocatorOptions().setHasText(traveler.email()));
    assertThat(travelerRow).hasCount(0);

    page.locator(".scope").getByText("Everyone").click();
    assertThat(travelerRow.locator(".pill.role-user")).hasText("Traveler");
    assertThat(
            travelerRow.getByRole(
                AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make admin")))
        .hasCount(0);
  }

  @Test
  void theNewUserDialogLooksTheWayItShould(Chromium chromium, Desk desk) {
    Page page = usersPage(chromium, desk.newAdmin());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New user")).click();
    Locator dialog = page.locator(".new-user-dialog");
    assertThat(dialog.getByLabel("Name")).isFocused();
    dialog.getByLabel("Name").fill("Noah Brunner");
    create(dialog);
    assertThat(dialog.getByText("Email is required.")).isVisible();
    Chromium.screenshot(page, "admin-users-new");
    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
    assertThat(dialog).isHidden();

    Locator newUser =
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New user"));
    assertThat(newUser).isEnabled();
    newUser.click();
    assertThat(dialog.getByLabel("Name")).isFocused();
    assertThat(dialog.getByLabel("Name")).isEmpty();
  }

  private static void save(Locator dialog) {
    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
  }

  /** The agent's phone number as the API tells it to an admin; null when none. */
  private static String phoneOf(Session admin, Session agent) {
    String cursor = "";
    while (true) {
      Reply page = admin.client().get("/api/admin/users?role=agent&limit=100&cursor=" + cursor);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      for (JsonValue item : page.items()) {
        JsonObject user = item.asJsonObject();
        if (user.getString("id").equals(agent.id())) {
          return user.getString("phone", null);
        }
      }
      assertThat(page.json().isNull("nextCursor")).as("agent " + agent.id() + " listed").isFalse();
      cursor = page.json().getString("nextCursor");
    }
  }

  private static Page usersPage(Chromium chromium, Session admin) {
    Page page = StaffBrowser.signIn(chromium.newPerson(), admin);
    page.navigate(USERS);
    assertThat(page.locator("h1")).hasText("Users");
    return page;
  }

  private static Locator row(Page page, String email) {
    return page.locator(".users-table tr", new Page.LocatorOptions().setHasText(email));
  }

  private static void create(Locator dialog) {
    dialog
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create account"))
        .click();
  }

  /** Clicks a button that asks first, and confirms. */
  private static void confirmed(Page page, Locator button) {
    button.click();
    Locator confirm = page.locator(".admin-confirm");
    assertThat(confirm).isVisible();
    confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm")).click();
    assertThat(confirm).isHidden();
  }
}
