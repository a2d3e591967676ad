/**
 * Who is who: travelers (registered or visitors), agents and admins; their passwords, the tokens
 * Concierge issues and verifies, login throttling, and the first admin.
 */
package org.concierge.identity;
