/** Classes added to the deployment under test, never to the product. */
package org.concierge.testing.deployment;
