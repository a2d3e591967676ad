package org.concierge.identity;

/** The validated details of an account to create; the email is lower-cased. */
public record NewAccount(String email, String password, String name, String phone) {}
