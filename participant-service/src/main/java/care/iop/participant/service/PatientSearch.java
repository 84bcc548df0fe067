package care.iop.participant.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.participant.domain.Patient;
import care.iop.participant.domain.PatientRepository;
import care.iop.participant.domain.PatientStatus;
import care.iop.participant.domain.Track;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import io.quarkus.panache.common.Sort;

/**
 * Finds patients ({@link PatientCriteria}: identifier, names, birth date, gender, status, track, last change), ordered by
 * family and given name; each patient returned is audited (one row per patient). A caller outside the program never
 * finds a Part 2 patient without a matching consent: the query leaves such patients out of the items and of the total.
 */
@ApplicationScoped
public class PatientSearch {

    @Inject
    PatientRepository patients;

    @Inject
    AuditLog audit;

    @Inject
    Disclosure disclosure;

    /** The JSON API's search: identifier as {@code system|value}, name matching part of either name. */
    @Transactional
    public Page<Patient> search(String identifier, String name, PatientStatus status, Track track, PageQuery page) {
        PatientCriteria criteria = new PatientCriteria().status(status).track(track);
        if (identifier != null && !identifier.isBlank()) {
            int bar = identifier.indexOf('|');
            if (bar <= 0 || bar == identifier.length() - 1) {
                throw ProblemException.invalidField("identifier", "must be <system>|<value>, like urn:example:mrn|MRN-0001");
            }
            criteria.identifier(identifier.substring(0, bar).strip(), identifier.substring(bar + 1).strip());
        }
        if (name != null && !name.isBlank()) {
            criteria.name(NameMatch.contains(name));
        }
        SearchResult<Patient> found = search(criteria, page.offset(), page.size);
        return new Page<>(found.items(), page.page, page.size, found.total());
    }

    /** The matches from {@code offset}, at most {@code limit} of them (0: only the total). */
    @Transactional
    public SearchResult<Patient> search(PatientCriteria c, int offset, int limit) {
        QueryFilter filter = new QueryFilter().in("id", c.ids)
                .name(c.name, "givenName", "familyName", "name").name(c.family, null, "familyName", "family")
                .name(c.given, "givenName", null, "given")
                .equal("status", c.status).equal("track", c.track)
                .range("birthDate", c.bornFrom, c.bornBefore).range("updatedAt", c.updatedFrom, c.updatedBefore);
        identifier(c, filter);
        if (c.genders != null) {
            String in = c.genders.isEmpty() ? "1 = 0" : "gender in :genders";
            filter.add(c.genderUnrecorded ? "(" + in + " or gender is null)" : in);
            if (!c.genders.isEmpty()) {
                filter.params.and("genders", c.genders);
            }
        }
        disclosure.visiblePart2Patients().ifPresent(visible -> {
            if (visible.isEmpty()) {
                filter.add("part2 = false");
            } else {
                filter.add("(part2 = false or id in :visible)");
                filter.params.and("visible", visible);
            }
        });
        var found = patients.find(filter.where(), Sort.by("familyName").and("givenName").and("id"), filter.params);
        List<Patient> items = limit == 0 ? List.of() : found.range(offset, offset + limit - 1).list();
        long total = found.count();
        audit.success(AuditAction.SEARCH, PatientService.RESOURCE, null, items.stream().map(p -> p.id).toList());
        return new SearchResult<>(items, total);
    }

    private static void identifier(PatientCriteria c, QueryFilter filter) {
        if (c.identifierSystem == null && c.identifierValue == null) {
            return;
        }
        List<String> on = new ArrayList<>();
        if (c.identifierSystem != null) {
            on.add("i.system = :system");
            filter.params.and("system", c.identifierSystem);
        }
        if (c.identifierValue != null) {
            on.add("i.value = :value");
            filter.params.and("value", c.identifierValue);
        }
        filter.add("id in (select p2.id from Patient p2 join p2.identifiers i where " + String.join(" and ", on) + ")");
    }
}
