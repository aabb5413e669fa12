package dev.distribution.maven;

import dev.distribution.core.Publication;
import dev.distribution.core.PublicationTable;
import java.util.List;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints one table of everything published, after the last module of the build. Maven loads it
 * when the plugin is declared with {@code <extensions>true</extensions>}; without that, each
 * publishing goal prints its own table instead.
 */
@Named("distribution-summary")
@Singleton
public class SummaryParticipant extends AbstractMavenLifecycleParticipant {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryParticipant.class);

    @Override
    public void afterProjectsRead(MavenSession session) {
        BuildSummary.drain();
        BuildSummary.printAtEnd(true);
    }

    @Override
    public void afterSessionEnd(MavenSession session) {
        List<Publication> publications = BuildSummary.drain();
        BuildSummary.printAtEnd(false);
        if (publications.isEmpty()) {
            return;
        }
        LOG.info("------------------------------------------------------------------------");
        LOG.info("Distribution summary:");
        for (String line : PublicationTable.format(publications).split("\\R")) {
            LOG.info(BuildSecrets.redactor().redact(line));
        }
        LOG.info("------------------------------------------------------------------------");
    }
}
