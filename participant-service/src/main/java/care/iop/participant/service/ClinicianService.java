package care.iop.participant.service;

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

    /** The JSON API's search: name matching part of either name, npi exactly (10 digits), active. */
    @Transactional
    public Page<Clinician> search(String name, String npi, Boolean active, PageQuery page) {
        ClinicianCriteria criteria = new ClinicianCriteria().active(active);
        if (name != null && !name.isBlank()) {
            criteria.name(NameMatch.contains(name));
        }
        if (npi != null && !npi.isBlank()) {
            if (!npi.strip().matches("[0-9]{10}")) {
                throw ProblemException.invalidField("npi", "must be 10 digits");
            }
            criteria.npi(npi.strip());
        }
        SearchResult<Clinician> found = search(criteria, page.offset(), page.size);
        return new Page<>(found.items(), page.page, page.size, found.total());
    }

    /** The matches, by family and given name, from {@code offset}, at most {@code limit} of them (0: only the total). */
    @Transactional
    public SearchResult<Clinician> search(ClinicianCriteria c, int offset, int limit) {
        QueryFilter filter = new QueryFilter().in("id", c.ids)
                .name(c.name, "givenName", "familyName", "name").name(c.family, null, "familyName", "family")
                .name(c.given, "givenName", null, "given")
                .equal("npi", c.npi).listHoldsAny("credentials", c.anyCredential).equal("active", c.active).range("updatedAt", c.updatedFrom, c.updatedBefore);
        var query = clinicians.find(filter.where(), Sort.by("familyName").and("givenName").and("id"), filter.params);
        return new SearchResult<>(limit == 0 ? List.of() : query.range(offset, offset + limit - 1).list(), query.count());
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
