package org.concierge.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.concierge.chat.Chat;
import org.concierge.chat.ChatService;
import org.concierge.chat.api.ChatRequests;
import org.concierge.identity.AgentStatus;
import org.concierge.identity.IdentityService;
import org.concierge.identity.User;
import org.concierge.platform.DomainException;
import org.concierge.platform.Invalid;
import org.primefaces.PrimeFaces;

/**
 * The transfer dialog: the agents a chat can be handed to, with their status and load, online ones
 * first and the least busy of them on top.
 */
@Named("transferView")
@ViewScoped
public class TransferView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One row of the dialog. */
  public record Candidate(String id, String name, String status, int activeChats)
      implements Serializable {}

  @Inject transient CurrentStaff staff;
  @Inject transient ChatService chats;
  @Inject transient IdentityService identity;

  private String roomId;
  private String subject;
  private List<Candidate> candidates = List.of();
  private Candidate selected;
  private String note;

  /** Opens the dialog for the chat named by the {@code roomId} request parameter. */
  public void open() {
    Map<String, String> params =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    try {
      Chat chat = chats.get(staff.caller(), params.get("roomId"));
      roomId = chat.id();
      subject = chat.subject() == null ? chat.traveler().name() : chat.subject();
      candidates = candidatesFor(chat);
      selected = null;
      note = null;
      PrimeFaces.current().executeScript("PF('transferDialog').show()");
    } catch (DomainException refused) {
      tell(FacesMessage.SEVERITY_ERROR, refused.getMessage());
    }
  }

  public void transfer() {
    if (selected == null) {
      tell(FacesMessage.SEVERITY_WARN, "Choose the agent to hand the chat to.");
      return;
    }
    String trimmed = note == null ? null : note.strip();
    if (trimmed != null && trimmed.codePointCount(0, trimmed.length()) > ChatRequests.NOTE_MAX) {
      tell(FacesMessage.SEVERITY_WARN, "The note is too long: at most 1,000 characters.");
      return;
    }
    try {
      chats.transfer(
          staff.caller(),
          roomId,
          selected.id(),
          trimmed == null || trimmed.isEmpty() ? null : trimmed);
      PrimeFaces.current().executeScript("PF('transferDialog').hide()");
      tell(FacesMessage.SEVERITY_INFO, "The chat is now with " + selected.name() + ".");
    } catch (Invalid invalid) {
      tell(FacesMessage.SEVERITY_WARN, invalid.getMessage());
    } catch (DomainException refused) {
      tell(FacesMessage.SEVERITY_ERROR, refused.getMessage());
    }
  }

  private List<Candidate> candidatesFor(Chat chat) {
    Map<String, Integer> load = chats.activeChatsByAgent();
    String current = chat.agent() == null ? null : chat.agent().id();
    return identity.staff().stream()
        .filter(user -> !user.id().equals(current))
        .map(
            user ->
                new Candidate(
                    user.id(), user.name(), statusOf(user), load.getOrDefault(user.id(), 0)))
        .sorted(
            Comparator.comparing((Candidate c) -> !"online".equals(c.status()))
                .thenComparing(c -> "offline".equals(c.status()))
                .thenComparingInt(Candidate::activeChats)
                .thenComparing(Candidate::name))
        .toList();
  }

  private static String statusOf(User user) {
    return (user.status() == null ? AgentStatus.OFFLINE : user.status()).wire();
  }

  private static void tell(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public String getSubject() {
    return subject;
  }

  public List<Candidate> getCandidates() {
    return candidates;
  }

  public Candidate getSelected() {
    return selected;
  }

  public void setSelected(Candidate selected) {
    this.selected = selected;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
