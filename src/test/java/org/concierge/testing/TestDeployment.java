package org.concierge.testing;

import java.io.File;
import java.nio.file.Path;
import org.concierge.testing.deployment.AnalyticsProbeResource;
import org.concierge.testing.deployment.EventJournal;
import org.concierge.testing.deployment.EventJournalResource;
import org.concierge.testing.deployment.FormerStoreProbeResource;
import org.concierge.testing.deployment.OutboxProbeResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR the build produced, plus an observer that journals the chat events it sees so tests can
 * check that each change fires its event exactly once, and a probe of the figures the admin pages
 * draw and of the outbox.
 */
final class TestDeployment {

  private TestDeployment() {}

  static void writeTo(Path target) {
    File war = new File(System.getProperty("concierge.it.war"));
    ShrinkWrap.createFromZipFile(WebArchive.class, war)
        .addClasses(
            EventJournal.class,
            EventJournalResource.class,
            AnalyticsProbeResource.class,
            OutboxProbeResource.class,
            FormerStoreProbeResource.class)
        .as(ZipExporter.class)
        .exportTo(target.toFile(), true);
  }
}
