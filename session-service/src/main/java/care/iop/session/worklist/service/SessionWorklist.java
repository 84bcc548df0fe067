package care.iop.session.worklist.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.platform.time.ProgramTime;
import care.iop.platform.worklist.ClinicianWorklist;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.Worklists;
import care.iop.session.notes.service.NoteClock;

/**
 * session-service's part of a clinician's worklist: its sessions of today and tomorrow (program time) and the notes to
 * write, sign and co-sign, sorted and audited once per patient.
 */
@ApplicationScoped
public class SessionWorklist {

    @Inject
    UpcomingSessions sessions;

    @Inject
    NotesToDo notes;

    @Inject
    ProgramTime time;

    @Inject
    NoteClock clock;

    @Inject
    Worklists worklists;

    /** The caller's view of {@code clinicianId}'s items now (403 for another clinician's). */
    @Transactional
    public ClinicianWorklist of(UUID clinicianId) {
        worklists.requireAccess(clinicianId);
        OffsetDateTime now = clock.now();
        return worklists.answer(clinicianId, now.atZoneSameInstant(time.zone()).toOffsetDateTime(), items(clinicianId, now));
    }

    /** The items at {@code now}; the sessions' horizon is the end of the program day after {@code now}'s. */
    public List<WorklistItem> items(UUID clinicianId, OffsetDateTime now) {
        List<WorklistItem> items = new ArrayList<>(sessions.itemsFor(clinicianId, now, time.endOf(time.dayOf(now).plusDays(1))));
        items.addAll(notes.itemsFor(clinicianId, now));
        return items;
    }
}
