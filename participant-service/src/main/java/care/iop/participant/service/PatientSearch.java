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
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * Finds patients by identifier ({@code system|value}), name, status and track; each patient returned is audited (one
 * row per patient). A caller outside the program never finds a Part 2 patient without a matching consent: the query
 * leaves such patients out of the items and of the total.
 */
@ApplicationScoped
public class PatientSearch {

    @Inject
    PatientRepository patients;

    @Inject
    AuditLog audit;

    @Inject
    Disclosure disclosure;

    @Transactional
    public Page<Patient> search(String identifier, String name, PatientStatus status, Track track, PageQuery page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (identifier != null && !identifier.isBlank()) {
            int bar = identifier.indexOf('|');
            if (bar <= 0 || bar == identifier.length() - 1) {
                throw ProblemException.invalidField("identifier", "must be <system>|<value>, like urn:example:mrn|MRN-0001");
            }
            where.add("id in (select p2.id from Patient p2 join p2.identifiers i where i.system = :system and i.value = :value)");
            params.and("system", identifier.substring(0, bar).strip()).and("value", identifier.substring(bar + 1).strip());
        }
        if (name != null && !name.isBlank()) {
            where.add("(lower(givenName) like :name escape '\\' or lower(familyName) like :name escape '\\'"
                    + " or lower(concat(givenName, ' ', familyName)) like :name escape '\\')");
            params.and("name", "%" + escapeLike(name.strip().toLowerCase()) + "%");
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (track != null) {
            where.add("track = :track");
            params.and("track", track);
        }
        disclosure.visiblePart2Patients().ifPresent(visible -> {
            if (visible.isEmpty()) {
                where.add("part2 = false");
            } else {
                where.add("(part2 = false or id in :visible)");
                params.and("visible", visible);
            }
        });
        String query = String.join(" and ", where);
        var found = patients.find(query, Sort.by("familyName").and("givenName").and("id"), params)
                .page(io.quarkus.panache.common.Page.of(page.page, page.size));
        List<Patient> items = found.list();
        long total = found.count();
        audit.success(AuditAction.SEARCH, PatientService.RESOURCE, null, items.stream().map(p -> p.id).toList());
        return new Page<>(items, page.page, page.size, total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
