/** The notifications' inbound adapters: the survey a closed chat's email links to. */
package org.concierge.notify.api;
