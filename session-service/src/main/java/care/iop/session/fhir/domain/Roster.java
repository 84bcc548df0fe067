package care.iop.session.fhir.domain;

import java.util.List;

import care.iop.session.domain.Booking;
import care.iop.session.domain.TherapySession;

/**
 * A GROUP session with its roster: FHIR shows it as a Slot (its capacity and free seats) and a Group (its members).
 *
 * @param bookings   every booking of the session (members, waitlist, cancellations)
 * @param slotStatus the FHIR Slot status, as {@code Rosters} derives it in the query that finds slots by it
 */
public record Roster(TherapySession session, List<Booking> bookings, long booked, long waitlisted, String slotStatus, Revision revision) {
}
