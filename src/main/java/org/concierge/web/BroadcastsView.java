package org.concierge.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.concierge.broadcast.Broadcast;
import org.concierge.broadcast.BroadcastService;
import org.concierge.broadcast.BroadcastService.Draft;
import org.concierge.identity.Caller;
import org.concierge.platform.DomainException;
import org.concierge.platform.Invalid;

/**
 * The broadcasts page: choose an audience and a channel, count who it reaches, write and send the
 * message; below, the latest broadcasts and how far each has gone.
 */
@Named("broadcastsView")
@ViewScoped
public class BroadcastsView implements Serializable {

  private static final String FORM = "broadcastForm";
  private static final int SHOWN = 20;

  @Inject BroadcastService broadcasts;
  @Inject CurrentStaff staff;

  private final BroadcastForm form = new BroadcastForm();

  /** The last count of recipients, cleared whenever the audience or channel changes. */
  private Integer recipients;

  public BroadcastForm getForm() {
    return form;
  }

  public Integer getRecipients() {
    return recipients;
  }

  /** The audience or the channel changed: an earlier count no longer holds. */
  public void choiceChanged() {
    recipients = null;
  }

  public void count() {
    try {
      Draft draft = form.request().preview();
      recipients = broadcasts.preview(staff.caller(), draft.channel(), draft.audience());
    } catch (Invalid invalid) {
      invalid.errors().forEach(error -> fieldError(error.field(), error.message()));
    } catch (DomainException refused) {
      message(FacesMessage.SEVERITY_ERROR, refused.getMessage());
    }
  }

  public void send() {
    try {
      Broadcast sent = broadcasts.send(staff.caller(), form.request().draft());
      recipients = null;
      form.clearMessage();
      message(
          FacesMessage.SEVERITY_INFO,
          sent.recipients() == 0
              ? "Nobody in this audience can be reached; nothing was sent."
              : "Queued for " + sent.recipients() + " people; it goes out at the configured rate.");
    } catch (Invalid invalid) {
      invalid.errors().forEach(error -> fieldError(error.field(), error.message()));
    } catch (DomainException refused) {
      message(FacesMessage.SEVERITY_ERROR, refused.getMessage());
    }
  }

  /** The latest broadcasts, newest first, with their progress now. */
  public List<BroadcastRow> getLatest() {
    Caller admin = staff.caller();
    return broadcasts.newest(admin, Optional.empty(), SHOWN).stream()
        .map(b -> BroadcastRow.of(b, broadcasts.progress(admin, b)))
        .toList();
  }

  private static void fieldError(String field, String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String sentence =
        Character.toUpperCase(field.charAt(0)) + field.substring(1) + " " + text + ".";
    faces.addMessage(
        FORM + ":" + field, new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence, null));
    faces.validationFailed();
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }
}
