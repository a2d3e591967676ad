package org.concierge.testing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

/** What an agent or admin does in the dashboard's pages. */
public final class StaffBrowser {

  private StaffBrowser() {}

  /** Signs in through the form and waits for the dashboard. */
  public static Page signIn(Page page, Session staff) {
    return signInAt(page, "/signin.xhtml", staff);
  }

  /**
   * Signs in and waits until the dashboard is live, in a page that has no base address (a tab of
   * {@link DesktopChromium}).
   */
  public static Page dashboard(Page page, ConciergeServer server, Session staff) {
    signInAt(page, server.baseUri() + "/signin.xhtml", staff);
    assertThat(page.locator("#connection")).hasText("Live");
    return page;
  }

  private static Page signInAt(Page page, String signInPage, Session staff) {
    page.navigate(signInPage);
    page.getByLabel("Email").fill(staff.email());
    page.locator("input[type=password]").fill(Desk.STAFF_PASSWORD);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in"))
        .click();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/desk/.*"));
    return page;
  }

  /** Signs in and waits until the dashboard is live. */
  public static Page dashboard(Page page, Session staff) {
    signIn(page, staff);
    assertThat(page.locator("#connection")).hasText("Live");
    return page;
  }
}
