package org.concierge.web;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.concierge.broadcast.api.BroadcastRequest;

/**
 * What an admin types into the broadcast form, before it is checked: the same request the API
 * takes, so the page and the API refuse the same things. Times are read as UTC.
 */
public class BroadcastForm implements Serializable {

  private String channel = "email";
  private String audience = "travelers";
  private LocalDateTime from;
  private LocalDateTime to;
  private String status = "";
  private String priority = "";
  private String subject;
  private String text;

  /** The request this form makes; fields that do not apply to the choices are left out. */
  BroadcastRequest request() {
    boolean travelers = isTravelers();
    return new BroadcastRequest(
        channel,
        audience,
        travelers ? iso(from) : null,
        travelers ? iso(to) : null,
        travelers ? blankToNull(status) : null,
        travelers ? blankToNull(priority) : null,
        isEmail() ? subject : null,
        text);
  }

  /** After a broadcast went out, the message is cleared and the audience kept. */
  void clearMessage() {
    subject = null;
    text = null;
  }

  public boolean isTravelers() {
    return "travelers".equals(audience);
  }

  public boolean isEmail() {
    return "email".equals(channel);
  }

  private static String iso(LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC).toString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience;
  }

  public LocalDateTime getFrom() {
    return from;
  }

  public void setFrom(LocalDateTime from) {
    this.from = from;
  }

  public LocalDateTime getTo() {
    return to;
  }

  public void setTo(LocalDateTime to) {
    this.to = to;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String priority) {
    this.priority = priority;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
