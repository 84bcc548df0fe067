package care.iop.session.fhir.rest;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.FhirAccess;
import care.iop.fhir.Interaction;
import care.iop.fhir.Part2Labels;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;
import care.iop.session.privacy.SessionPrivacy;

/**
 * Who may see which patient's sessions through FHIR, the rules of the JSON API applied to FHIR answers: a patient token
 * sees only its own seats; a caller outside the program (an integration) sees a Part 2 patient's seats only with the
 * patient's disclosure consent (docs/security.md), which then carry the Part 2 security labels.
 */
@RequestScoped
public class SessionFhirAccess {
    /** The roles that read attendance in the JSON API (no patient): the same read Encounters. */
    static final List<String> ATTENDANCE_READERS = List.of(Roles.CLINICIAN, Roles.ADMIN, Roles.SCHEDULER, Roles.INTEGRATION);
    /** The roles that read rosters and session counts in the JSON API: the same read Groups, Slots and Schedules. */
    static final List<String> ROSTER_READERS = List.of(Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION);

    @Inject
    FhirAccess access;

    @Inject
    Disclosure disclosure;

    @Inject
    Part2Labels labels;

    @Inject
    CurrentUser user;

    @Inject
    SessionPrivacy privacy;

    /** 403 OperationOutcome unless a granted scope covers the interaction. */
    public void require(String type, Interaction interaction) {
        access.require(type, interaction);
    }

    /** True when the caller's roles and scopes let it read {@code type} (a type an answer may include). */
    public boolean mayRead(String type, List<String> roles) {
        return roles.stream().anyMatch(user::hasRole) && access.grants(type, Interaction.READ);
    }

    /**
     * Before answering one patient's record: 404 (audited as denied) for another patient's with a patient token, and for a
     * Part 2 patient's without a matching consent to a caller outside the program.
     */
    public void requirePatient(UUID patientId, String type, Object id) {
        access.requirePatient(patientId, type, id);
        disclosure.require(patientId, type, id);
    }

    /** The patient a patient token is limited to; empty for staff and backend services. */
    public Optional<UUID> patientContext() {
        return access.patientContext();
    }

    /**
     * The patients a search may cover: those asked for (null: any), narrowed to its own for a patient token (so another
     * patient's search finds nothing).
     */
    public Set<UUID> patients(Set<UUID> asked) {
        Optional<UUID> own = access.patientContext();
        if (own.isEmpty()) {
            return asked;
        }
        Set<UUID> allowed = new HashSet<>(asked == null ? Set.of(own.get()) : asked);
        allowed.retainAll(Set.of(own.get()));
        return allowed;
    }

    /** For a query: null for program staff (no filter); else the Part 2 patients whose records the caller may see. */
    public Set<UUID> visiblePart2() {
        return privacy.visiblePart2Patients().orElse(null);
    }

    /** True when the caller may see the records of {@code patientId}; else the refusal is audited (a search about it finds nothing). */
    public boolean permits(UUID patientId, String type, Object id) {
        return privacy.permits(patientId, type, id);
    }

    /** The items whose patient the caller may see, in their order (all of them for program staff). */
    public <T> List<T> visible(List<T> items, Function<T, UUID> patientOf) {
        return privacy.members(items, patientOf);
    }

    /** Labels {@code resource} as a Part 2 record when it shows a patient disclosed under a Part 2 consent. */
    public <R extends Resource> R labelled(R resource, Collection<UUID> patients) {
        if (patients.stream().anyMatch(id -> id != null && disclosure.consentFor(id).isPresent())) {
            labels.apply(resource);
        }
        return resource;
    }
}
