/**
 * The pages of agents and admins: Faces backing beans for the dashboard and the admin pages, their
 * sign-in, and the guard in front of them. The pages themselves live in {@code src/main/webapp}.
 */
package org.concierge.web;
