package org.concierge.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concierge.notify.DeliveryState;
import org.concierge.notify.Outbox;
import org.concierge.platform.DomainException;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The outbox page: every notification, emails and text messages, newest first, optionally in one
 * state, with the reason of its last failed try; failed, dead, not configured and undelivered ones
 * can be sent again.
 */
@Named("outboxView")
@ViewScoped
public class OutboxView implements Serializable {

  @Inject Outbox outbox;
  @Inject CurrentStaff staff;

  private final Rows rows = new Rows();

  /** The state shown, by its wire name; empty for all. */
  private String state = "";

  private final class Rows extends LazyDataModel<OutboxRow> {

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return Math.toIntExact(outbox.count(staff.caller(), shown()));
    }

    @Override
    public List<OutboxRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return outbox.list(staff.caller(), shown(), first, pageSize).stream()
          .map(OutboxRow::of)
          .toList();
    }

    @Override
    public String getRowKey(OutboxRow row) {
      return row.getId();
    }
  }

  public LazyDataModel<OutboxRow> getRows() {
    return rows;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state == null ? "" : state;
  }

  /** The states to filter by, as the page lists them. */
  public List<SelectItem> getStates() {
    return Arrays.stream(DeliveryState.values())
        .map(s -> new SelectItem(s.wire(), s.wire().replace('_', ' ')))
        .toList();
  }

  public void retry(OutboxRow row) {
    try {
      outbox.retry(staff.caller(), row.getId());
      message(
          FacesMessage.SEVERITY_INFO,
          (row.isText() ? "The text to " : "The email to ")
              + row.getAddress()
              + " will be sent again shortly.");
    } catch (DomainException refused) {
      message(FacesMessage.SEVERITY_WARN, refused.getMessage());
    }
  }

  private Optional<DeliveryState> shown() {
    return state.isEmpty() ? Optional.empty() : Optional.of(DeliveryState.fromWire(state));
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }
}
