package dev.fedpilot.setup;

import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.text.Fact;
import dev.fedpilot.text.Messages;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the AWS and Entra panes show, derived from the saved progress and the latest live reads. */
final class SetupFacts {
    private SetupFacts() {
    }

    static List<Fact> aws(SetupState s, SetupWizardViewModel.LiveCounts counts, Messages m, Instant now) {
        List<Fact> facts = new ArrayList<>();
        if (s.instance() != null) {
            facts.add(Fact.code(m.get("setup.fact.instance"), s.instance().instanceArn()));
            facts.add(Fact.code(m.get("setup.fact.identityStore"), s.instance().identityStoreId()));
            facts.add(Fact.text(m.get("setup.fact.region"), s.instance().region()));
        }
        if (s.spEntityId() != null) {
            facts.add(Fact.code(m.get("setup.fact.spEntity"), s.spEntityId()));
            facts.add(Fact.code(m.get("setup.fact.acs"), s.acsUrl()));
        }
        if (s.idpMetadataFile() != null) {
            facts.add(Fact.code(m.get("setup.fact.idpFile"), s.idpMetadataFile()));
        }
        if (s.scimEndpoint() != null) {
            facts.add(Fact.code(m.get("setup.fact.scimEndpoint"), s.scimEndpoint()));
        }
        if (s.scimTokenCreated() != null) {
            long age = Duration.between(s.scimTokenCreated(), now).toDays();
            facts.add(Fact.text(m.get("setup.fact.scimToken"), m.get("setup.fact.tokenAge", Math.max(0, age))));
        }
        if (counts != null) {
            facts.add(Fact.text(m.get("setup.fact.counts"),
                    m.get("setup.fact.countsValue", counts.users(), counts.groups(), counts.provisionedUsers())));
        }
        return facts;
    }

    static List<Fact> entra(SetupState s, ProvisioningJob job, Messages m) {
        List<Fact> facts = new ArrayList<>();
        if (s.tenant() != null) {
            facts.add(Fact.text(m.get("setup.fact.tenant"), s.tenant().primaryDomain()));
            facts.add(Fact.code(m.get("setup.fact.tenantId"), s.tenant().tenantId()));
        }
        if (s.app() != null) {
            facts.add(Fact.text(m.get("setup.fact.app"), s.app().displayName()));
            facts.add(Fact.code(m.get("setup.fact.appId"), s.app().appId()));
            facts.add(Fact.code(m.get("setup.fact.spId"), s.app().servicePrincipalId()));
        }
        if (s.spEntityId() != null) {
            facts.add(Fact.text(m.get("setup.fact.saml"), m.get("setup.fact.samlValue")));
        }
        if (s.signingCertificate() != null) {
            facts.add(Fact.code(m.get("setup.fact.certificate"), s.signingCertificate().sha256()));
            facts.add(Fact.text(m.get("setup.fact.certificateExpires"),
                    s.signingCertificate().notAfter().toString().substring(0, 10)));
        }
        if (s.jobId() != null) {
            facts.add(Fact.code(m.get("setup.fact.job"), s.jobId()));
        }
        if (job != null) {
            facts.add(Fact.text(m.get("setup.fact.jobStatus"), job.status().name()));
            if (job.lastExecution() != null) {
                facts.add(Fact.text(m.get("setup.fact.lastCycle"), m.get("setup.fact.lastCycleValue",
                        job.lastExecution().succeeded(), job.lastExecution().failed())));
            }
            if (job.quarantine() != null) {
                facts.add(Fact.text(m.get("setup.fact.quarantine"), job.quarantine().reason()));
            }
        }
        if (!s.assignments().isEmpty()) {
            facts.add(Fact.text(m.get("setup.fact.assigned"), String.valueOf(s.assignments().size())));
        }
        return facts;
    }
}
