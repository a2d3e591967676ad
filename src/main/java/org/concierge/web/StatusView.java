package org.concierge.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.concierge.identity.AgentStatus;
import org.concierge.identity.IdentityService;

/** The signed-in agent's own status, set from the dashboard's bar and seen live by the others. */
@Named("statusView")
@RequestScoped
public class StatusView {

  @Inject CurrentStaff staff;
  @Inject IdentityService identity;

  public String getStatus() {
    AgentStatus status = staff.user().status();
    return (status == null ? AgentStatus.OFFLINE : status).wire();
  }

  public void setStatus(String status) {
    identity.setStatus(staff.caller(), AgentStatus.fromWire(status));
  }

  public AgentStatus[] getChoices() {
    return AgentStatus.values();
  }
}
