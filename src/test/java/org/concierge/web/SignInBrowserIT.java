package org.concierge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import java.util.regex.Pattern;
import org.concierge.testing.Chromium;
import org.concierge.testing.Desk;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.StaffBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class SignInBrowserIT {

  @Test
  void anAgentSignsInWithAnHttpOnlySameSiteCookieAndSignsOut(Chromium chromium, Desk desk) {
    Session agent = desk.newAgent();
    Page page = StaffBrowser.signIn(chromium.newPerson(), agent);

    assertThat(page.locator(".staff-bar .who")).hasText(agent.name());
    List<Cookie> cookies = page.context().cookies();
    assertThat(cookies).isNotEmpty();
    assertThat(cookies)
        .allSatisfy(
            cookie -> {
              assertThat(cookie.httpOnly).as(cookie.name).isTrue();
              assertThat(cookie.sameSite).as(cookie.name).isNotNull();
            });

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
    assertThat(page).hasURL(Pattern.compile(".*/signin\\.xhtml"));
    page.navigate("/desk/");
    assertThat(page).hasURL(Pattern.compile(".*/signin\\.xhtml"));
  }

  @Test
  void aWrongPasswordIsRefusedPlainly(Chromium chromium, Desk desk) {
    Session agent = desk.newAgent();
    Page page = chromium.newPerson();
    page.navigate("/signin.xhtml");
    page.getByLabel("Email").fill(agent.email());
    page.locator("input[type=password]").fill("not-the-password");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

    assertThat(page.getByText("The email or password is wrong.")).isVisible();
    page.navigate("/desk/");
    assertThat(page).hasURL(Pattern.compile(".*/signin\\.xhtml"));
  }

  @Test
  void travelersCannotSignInToTheDashboard(Chromium chromium, Desk desk) {
    Session traveler = desk.newTraveler();
    Page page = chromium.newPerson();
    page.navigate("/signin.xhtml");
    page.getByLabel("Email").fill(traveler.email());
    page.locator("input[type=password]").fill("traveler-pass");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

    assertThat(
            page.getByText("This sign-in is for agents and admins.", new Page.GetByTextOptions()))
        .isVisible();
  }

  @Test
  void agentsAreKeptOutOfTheAdminPages(Chromium chromium, Desk desk) {
    Page page = StaffBrowser.signIn(chromium.newPerson(), desk.newAgent());
    assertThat(page.navigate("/admin/users.xhtml").status()).isEqualTo(403);
  }
}
