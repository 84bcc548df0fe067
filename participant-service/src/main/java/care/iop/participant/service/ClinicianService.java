package care.iop.participant.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import care.iop.events.ClinicianState;
import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.participant.domain.Clinician;
import care.iop.participant.domain.ClinicianRepository;
import care.iop.participant.rest.ClinicianRequest;
import care.iop.participant.rest.ClinicianResponse;
import care.iop.platform.consistency.AggregateVersion;
import care.iop.platform.consistency.ConsistencyTokens;
import care.iop.platform.outbox.Outbox;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.web.ETags;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import care.iop.platform.web.ReadOnlyFields;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Registers, reads, replaces and finds clinicians; every change publishes the clinician's state. */
@ApplicationScoped
public class ClinicianService {

    @Inject
    ClinicianRepository clinicians;

    @Inject
    Outbox outbox;

    @Inject
    ConsistencyTokens tokens;

    @Inject
    TimeSource time;

    @Transactional
    public Clinician register(@Valid @NotNull ClinicianRequest request) {
        ReadOnlyFields.requireAbsent(request);
        requireFreeNpi(request.npi(), null);
        Clinician clinician = new Clinician();
        apply(clinician, request);
        clinician.active = request.active() == null || request.active();
        clinician.createdAt = time.now();
        clinician.updatedAt = clinician.createdAt;
        clinicians.persist(clinician);
        publish(clinician, EventTypes.CLINICIAN_REGISTERED);
        return clinician;
    }

    @Transactional
    public Clinician get(UUID id) {
        return load(id);
    }

    /** Replaces the record; {@code ifMatch} must name the current version. An unchanged record publishes nothing. */
    @Transactional
    public Clinician replace(UUID id, String ifMatch, @Valid @NotNull ClinicianRequest request) {
        Clinician clinician = load(id);
        ETags.requireMatch(ifMatch, clinician.version);
        ReadOnlyFields.check(request, ClinicianResponse.from(clinician)).verify();
        requireFreeNpi(request.npi(), id);
        boolean wasActive = clinician.active;
        boolean changed = apply(clinician, request);
        if (request.active() != null) {
            clinician.active = request.active();
        }
        if (changed || wasActive != clinician.active) {
            clinician.updatedAt = time.now();
            publish(clinician, EventTypes.CLINICIAN_UPDATED);
        }
        return clinician;
    }

    @Transactional
    public Page<Clinician> search(String name, String npi, Boolean active, PageQuery page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (name != null && !name.isBlank()) {
            where.add("(lower(givenName) like :name or lower(familyName) like :name or lower(concat(givenName, ' ', familyName)) like :name)");
            params.and("name", "%" + name.strip().toLowerCase().replace("%", "").replace("_", "") + "%");
        }
        if (npi != null && !npi.isBlank()) {
            if (!npi.strip().matches("[0-9]{10}")) {
                throw ProblemException.invalidField("npi", "must be 10 digits");
            }
            where.add("npi = :npi");
            params.and("npi", npi.strip());
        }
        if (active != null) {
            where.add("active = :active");
            params.and("active", active);
        }
        var query = clinicians.find(String.join(" and ", where), Sort.by("familyName").and("givenName").and("id"), params)
                .page(io.quarkus.panache.common.Page.of(page.page, page.size));
        return new Page<>(query.list(), page.page, page.size, query.count());
    }

    private Clinician load(UUID id) {
        return clinicians.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Clinician", id));
    }

    private void requireFreeNpi(String npi, UUID self) {
        clinicians.findByNpi(npi).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw ProblemException.conflict("NPI " + npi + " is already registered to another clinician");
        });
    }

    private void publish(Clinician c, String type) {
        UniqueConstraints.flush(clinicians::flush, npi -> "NPI " + c.npi + " is already registered to another clinician");
        outbox.publish(Topics.PARTICIPANTS, c.id, type,
                new ClinicianState(c.id, c.npi, c.displayName(), c.canLeadGroups, c.active, c.version, c.credentialList()));
        tokens.wrote(AggregateVersion.CLINICIAN, c.id, c.version);
    }

    private static boolean apply(Clinician c, ClinicianRequest r) {
        String credentials = r.credentials() == null || r.credentials().isEmpty() ? null
                : String.join(",", r.credentials().stream().map(String::strip).distinct().toList());
        Object[] before = { c.npi, c.givenName, c.familyName, c.credentials, c.canLeadGroups, c.maxCaseload };
        c.npi = r.npi();
        c.givenName = r.givenName().strip();
        c.familyName = r.familyName().strip();
        c.credentials = credentials;
        c.canLeadGroups = r.canLeadGroups();
        c.maxCaseload = r.maxCaseload();
        Object[] after = { c.npi, c.givenName, c.familyName, c.credentials, c.canLeadGroups, c.maxCaseload };
        return !java.util.Arrays.equals(before, after);
    }
}
