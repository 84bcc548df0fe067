package care.iop.session.fhir.rest;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.ExportQuery;
import care.iop.fhir.ExportSource;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.session.fhir.domain.RosterFilter;
import care.iop.session.fhir.domain.Seat;
import care.iop.session.fhir.domain.SeatFilter;
import care.iop.session.fhir.domain.TimeWindow;
import care.iop.session.fhir.service.GroupSchedules;
import care.iop.session.fhir.service.Rosters;
import care.iop.session.fhir.service.Seats;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * session-service's part of a bulk export, streamed a page at a time: Appointments, Encounters and Groups (of the patients
 * asked for, or all), and, for an export of all patients, the Slots and Schedules too (no patient's record). The rules of
 * the searches hold (a Part 2 patient's records only with consent for a caller outside the program; a Group without such
 * members); the patients of each page are audited (one row each) before the page leaves.
 */
@ApplicationScoped
public class SessionExport implements ExportSource {
    @Inject
    SessionFhirAccess access;

    @Inject
    SessionFhirViews views;

    @Inject
    Seats seats;

    @Inject
    Rosters rosters;

    @Inject
    GroupSchedules schedules;

    @Inject
    ScheduleMapper scheduleMapper;

    @Inject
    AuditLog audit;

    @Override
    public Set<String> types() {
        return Set.of(AppointmentFhirResource.TYPE, EncounterFhirResource.TYPE, GroupFhirResource.TYPE, SlotFhirResource.TYPE,
                ScheduleFhirResource.TYPE);
    }

    @Override
    public void export(ExportQuery query, Consumer<Resource> sink) {
        Set<UUID> patients = query.patients().isEmpty() ? null : query.patients();
        TimeWindow changed = new TimeWindow(query.since() == null ? null : query.since().atOffset(ZoneOffset.UTC), null);
        Set<UUID> visible = access.visiblePart2();
        if (query.wants(AppointmentFhirResource.TYPE)) {
            seats.each(SeatFilter.appointments().patients(patients).lastUpdated(changed).visiblePart2(visible),
                    page -> send(AppointmentFhirResource.TYPE, page, views::appointment, sink));
        }
        if (query.wants(EncounterFhirResource.TYPE)) {
            seats.each(SeatFilter.encounters().patients(patients).lastUpdated(changed).visiblePart2(visible),
                    page -> send(EncounterFhirResource.TYPE, page, views::encounter, sink));
        }
        if (query.wants(GroupFhirResource.TYPE)) {
            rosters.each(RosterFilter.all().members(patients).lastUpdated(changed), page -> {
                List<Group> groups = page.stream().map(views::group).toList();
                audited(GroupFhirResource.TYPE, groups.stream().flatMap(g -> SessionFhirViews.memberIds(g).stream()).toList());
                groups.forEach(sink);
            });
        }
        if (patients == null && query.wants(SlotFhirResource.TYPE)) {
            rosters.each(RosterFilter.all().lastUpdated(changed), page -> page.forEach(roster -> sink.accept(views.slot(roster))));
        }
        if (patients == null && query.wants(ScheduleFhirResource.TYPE)) {
            schedules.each(changed, page -> page.forEach(schedule -> sink.accept(scheduleMapper.toFhir(schedule))));
        }
    }

    private void send(String type, List<Seat> page, Function<Seat, Resource> view, Consumer<Resource> sink) {
        audited(type, page.stream().map(seat -> seat.booking().patientId).toList());
        page.stream().map(view).forEach(sink);
    }

    /** One audit row per patient of a page, in one transaction. */
    private void audited(String type, List<UUID> patients) {
        QuarkusTransaction.requiringNew().run(() -> audit.success(AuditAction.READ, type + "/$export", null, patients));
    }
}
