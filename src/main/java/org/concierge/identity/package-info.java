/**
 * Who is who: travelers (registered or visitors), agents and admins; their passwords, the tokens
 * Concierge issues and verifies, login throttling, the first admin, and phone numbers proven by a
 * texted one-time code.
 */
package org.concierge.identity;
