package care.iop.session.fhir.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.PatientCompartment;
import care.iop.platform.security.Roles;
import care.iop.session.fhir.domain.SeatFilter;
import care.iop.session.fhir.domain.TimeWindow;
import care.iop.session.fhir.service.Seats;

/**
 * session-service's share of {@code Patient/{id}/$everything}: the patient's Appointments (its seats) and, for callers who
 * read attendance, its Encounters, with the rules of the searches (a Part 2 patient's only with consent for a caller
 * outside the program). Groups are left out: a roster shows the other members, it is not this patient's record (find them
 * with {@code Group?member=}).
 */
@ApplicationScoped
public class SessionCompartment implements PatientCompartment {
    @Inject
    SessionFhirAccess access;

    @Inject
    SessionFhirViews views;

    @Inject
    Seats seats;

    @Override
    public List<Resource> everything(UUID patientId, Instant since) {
        List<Resource> resources = new ArrayList<>();
        if (!access.permits(patientId, "Patient/$everything", patientId)) {
            return resources;
        }
        TimeWindow changed = new TimeWindow(since == null ? null : since.atOffset(ZoneOffset.UTC), null);
        if (access.mayRead(AppointmentFhirResource.TYPE, List.of(Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION,
                Roles.PATIENT))) {
            seats.each(SeatFilter.appointments().patients(Set.of(patientId)).lastUpdated(changed), page -> page.forEach(seat -> resources.add(views.appointment(seat))));
        }
        if (access.mayRead(EncounterFhirResource.TYPE, SessionFhirAccess.ATTENDANCE_READERS)) {
            seats.each(SeatFilter.encounters().patients(Set.of(patientId)).lastUpdated(changed), page -> page.forEach(seat -> resources.add(views.encounter(seat))));
        }
        return resources;
    }
}
