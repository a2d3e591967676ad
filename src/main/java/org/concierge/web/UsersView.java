package org.concierge.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.concierge.identity.AccountChecks;
import org.concierge.identity.IdentityService;
import org.concierge.identity.NewAccount;
import org.concierge.identity.Role;
import org.concierge.identity.User;
import org.concierge.platform.Conflict;
import org.concierge.platform.DomainException;
import org.concierge.platform.FieldChecks;
import org.concierge.platform.Invalid;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The users page: every agent and admin (and, on request, travelers too), a page at a time; new
 * staff accounts; roles; phone numbers for text alerts; disabling and enabling accounts. Every
 * change goes through {@link IdentityService}, which enforces who may do what, and is confirmed or
 * refused in a message.
 */
@Named("usersView")
@ViewScoped
public class UsersView implements Serializable {

  static final String FORM = "newUserForm";
  static final String DIALOG = "dialogHolder";
  static final String TABLE = "usersForm:table";
  static final String PHONE_FORM = "phoneForm";
  static final String PHONE_DIALOG = "phoneDialogHolder";

  @Inject IdentityService identity;
  @Inject CurrentStaff staff;

  private final Rows rows = new Rows();
  private boolean everyone;
  private boolean creating;
  private NewStaffForm form = new NewStaffForm();

  /** The user whose phone number is being changed, or null. */
  private UserRow phoneOf;

  private String phone;

  /** The users, loaded a page at a time as the table asks. */
  private final class Rows extends LazyDataModel<UserRow> {

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return Math.toIntExact(identity.countUsers(staff.caller(), everyone));
    }

    @Override
    public List<UserRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return identity.users(staff.caller(), everyone, first, pageSize).stream()
          .map(UserRow::of)
          .toList();
    }

    @Override
    public String getRowKey(UserRow row) {
      return row.getId();
    }
  }

  public LazyDataModel<UserRow> getRows() {
    return rows;
  }

  public void startCreating() {
    form = new NewStaffForm();
    creating = true;
  }

  public void stopCreating() {
    creating = false;
  }

  /** Creates the account, or shows each problem next to its field and keeps the dialog open. */
  public void create() {
    FieldChecks checks = new FieldChecks();
    NewAccount account =
        AccountChecks.staffAccount(
            checks, form.getEmail(), form.getPassword(), form.getName(), form.getPhone());
    Role role = AccountChecks.staffRole(checks, form.getRole());
    List<String> departments = AccountChecks.departments(checks, form.getDepartments());
    try {
      checks.throwIfInvalid();
      User created = identity.createStaff(staff.caller(), account, role, departments);
      creating = false;
      // Drawing the dialog again re-opens and re-centres it, so that happens only to close it;
      // while it stays open, only its form is drawn again.
      PrimeFaces.current().ajax().update(DIALOG, TABLE);
      confirm(
          UserRow.of(created).getRoleLabel()
              + " "
              + created.name()
              + " can now sign in as "
              + created.email()
              + ".");
    } catch (Invalid invalid) {
      invalid
          .errors()
          .forEach(
              error -> fieldError(error.field(), label(error.field()) + " " + error.message()));
    } catch (Conflict taken) {
      fieldError("email", taken.getMessage());
    } catch (DomainException refused) {
      refuse(refused);
    }
  }

  /** An agent becomes an admin, an admin an agent. */
  public void toggleRole(UserRow row) {
    Role next = row.isAdmin() ? Role.AGENT : Role.ADMIN;
    change(
        () -> identity.changeAccess(staff.caller(), row.getId(), next, null),
        row.getName() + " is now " + (next == Role.ADMIN ? "an admin." : "an agent."));
  }

  public void toggleDisabled(UserRow row) {
    boolean disable = !row.isDisabled();
    change(
        () -> identity.changeAccess(staff.caller(), row.getId(), null, disable),
        disable
            ? row.getName() + " is disabled: they are signed out and cannot sign in."
            : row.getName() + " is enabled again and can sign in.");
  }

  public void startEditingPhone(UserRow row) {
    phoneOf = row;
    phone = row.getPhone();
  }

  public void stopEditingPhone() {
    phoneOf = null;
  }

  /**
   * Stores the number typed (none when blank), or shows the problem next to the field and keeps the
   * dialog open.
   */
  public void savePhone() {
    FieldChecks checks = new FieldChecks();
    String valid = AccountChecks.staffPhone(checks, phone);
    try {
      checks.throwIfInvalid();
      User changed = identity.changePhone(staff.caller(), phoneOf.getId(), valid);
      phoneOf = null;
      PrimeFaces.current().ajax().update(PHONE_DIALOG, TABLE);
      confirm(
          changed.phone() == null
              ? changed.name() + " has no phone number now and gets no text alerts."
              : changed.name() + " gets text alerts at " + changed.phone() + ".");
    } catch (Invalid invalid) {
      invalid.errors().forEach(error -> phoneError("Phone " + error.message()));
    } catch (DomainException refused) {
      refuse(refused);
    }
  }

  private static void phoneError(String message) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(
        PHONE_FORM + ":phone", new FacesMessage(FacesMessage.SEVERITY_ERROR, message + ".", null));
    faces.validationFailed();
  }

  public boolean isEditingPhone() {
    return phoneOf != null;
  }

  public UserRow getPhoneOf() {
    return phoneOf;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  /** Whether the row is the signed-in admin's own account. */
  public boolean isMe(UserRow row) {
    return row.getId().equals(staff.getId());
  }

  private void change(Supplier<User> action, String done) {
    try {
      action.get();
      confirm(done);
    } catch (DomainException refused) {
      refuse(refused);
    }
  }

  private static void confirm(String what) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, what, null));
  }

  private static void refuse(DomainException refused) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
  }

  /** Shows the message next to the field of the dialog, and keeps the dialog open. */
  private static void fieldError(String field, String message) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String text = message.endsWith(".") ? message : message + ".";
    faces.addMessage(FORM + ":" + field, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    faces.validationFailed();
  }

  private static String label(String field) {
    return Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }

  public boolean isEveryone() {
    return everyone;
  }

  public void setEveryone(boolean everyone) {
    this.everyone = everyone;
  }

  public boolean isCreating() {
    return creating;
  }

  public NewStaffForm getForm() {
    return form;
  }
}
