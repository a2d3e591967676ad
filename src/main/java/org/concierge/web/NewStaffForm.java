package org.concierge.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What an admin types into the "New user" dialog, before it is checked. */
public class NewStaffForm implements Serializable {

  private String name;
  private String email;
  private String password;
  private String role = "agent";
  private String phone;
  private List<String> departments = new ArrayList<>();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public List<String> getDepartments() {
    return departments;
  }

  public void setDepartments(List<String> departments) {
    this.departments = departments == null ? new ArrayList<>() : departments;
  }
}
