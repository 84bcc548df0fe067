package care.iop.session.fhir.domain;

import java.util.Set;
import java.util.UUID;

/**
 * What seats a search or an export asks for; every criterion is optional (null: any) and they combine.
 *
 * @param ids          these bookings only
 * @param patients     of these patients only
 * @param clinicians   in sessions led by one of these clinicians
 * @param sessions     in these sessions only
 * @param statuses     with one of these FHIR Appointment statuses
 * @param start        sessions starting in this window (Appointment.start)
 * @param during       sessions overlapping this window (Encounter.period)
 * @param lastUpdated  changed in this window
 * @param attendedOnly only patients who attended (the Encounters)
 * @param visiblePart2 for a caller outside the program: the Part 2 patients it may see (seats of other Part 2 patients and
 *                     of patients not known are left out); null for program staff
 */
public record SeatFilter(Set<UUID> ids, Set<UUID> patients, Set<UUID> clinicians, Set<UUID> sessions, Set<String> statuses,
                         TimeWindow start, TimeWindow during, TimeWindow lastUpdated, boolean attendedOnly, Set<UUID> visiblePart2) {

    /** Every seat (the Appointments). */
    public static SeatFilter appointments() {
        return new SeatFilter(null, null, null, null, null, TimeWindow.ANY, TimeWindow.ANY, TimeWindow.ANY, false, null);
    }

    /** Every seat whose patient attended (the Encounters). */
    public static SeatFilter encounters() {
        return appointments().attended();
    }

    public SeatFilter ids(Set<UUID> value) {
        return new SeatFilter(value, patients, clinicians, sessions, statuses, start, during, lastUpdated, attendedOnly, visiblePart2);
    }

    public SeatFilter patients(Set<UUID> value) {
        return new SeatFilter(ids, value, clinicians, sessions, statuses, start, during, lastUpdated, attendedOnly, visiblePart2);
    }

    public SeatFilter clinicians(Set<UUID> value) {
        return new SeatFilter(ids, patients, value, sessions, statuses, start, during, lastUpdated, attendedOnly, visiblePart2);
    }

    public SeatFilter sessions(Set<UUID> value) {
        return new SeatFilter(ids, patients, clinicians, value, statuses, start, during, lastUpdated, attendedOnly, visiblePart2);
    }

    public SeatFilter statuses(Set<String> value) {
        return new SeatFilter(ids, patients, clinicians, sessions, value, start, during, lastUpdated, attendedOnly, visiblePart2);
    }

    public SeatFilter start(TimeWindow value) {
        return new SeatFilter(ids, patients, clinicians, sessions, statuses, value, during, lastUpdated, attendedOnly, visiblePart2);
    }

    public SeatFilter during(TimeWindow value) {
        return new SeatFilter(ids, patients, clinicians, sessions, statuses, start, value, lastUpdated, attendedOnly, visiblePart2);
    }

    public SeatFilter lastUpdated(TimeWindow value) {
        return new SeatFilter(ids, patients, clinicians, sessions, statuses, start, during, value, attendedOnly, visiblePart2);
    }

    public SeatFilter attended() {
        return new SeatFilter(ids, patients, clinicians, sessions, statuses, start, during, lastUpdated, true, visiblePart2);
    }

    public SeatFilter visiblePart2(Set<UUID> value) {
        return new SeatFilter(ids, patients, clinicians, sessions, statuses, start, during, lastUpdated, attendedOnly, value);
    }
}
