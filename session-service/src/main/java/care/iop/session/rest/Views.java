package care.iop.session.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies. Times carry the program time zone's offset. */
public final class Views {
    private Views() {
    }

    @Schema(name = "Session", description = "A session as staff see it")
    public record SessionView(UUID id, UUID seriesId, String type, String status, UUID clinicianId,
                              @Schema(description = "INDIVIDUAL and FAMILY only") UUID patientId,
                              OffsetDateTime start, OffsetDateTime end, String topic, String location, int capacity,
                              long booked, long waitlisted, String cancelReason, long version) {
    }

    @Schema(name = "PatientSession", description = "A session as its patient sees it: never another member")
    public record PatientSessionView(UUID id, UUID seriesId, String type, String status, UUID clinicianId,
                                     OffsetDateTime start, OffsetDateTime end, String topic, String location,
                                     String bookingStatus, Integer waitlistPosition) {
    }

    /**
     * Documentation only (never built): what {@code GET /api/v1/sessions/{id}} answers, a {@link SessionView} to staff and
     * a {@link PatientSessionView} to a patient token, as one schema that a generated client can always read.
     */
    @Schema(name = "SessionDetail", description = "A session as the caller may see it. Staff (and external callers) get the "
            + "Session fields: counts, version, the patient of an INDIVIDUAL or FAMILY session. A patient token gets only id, "
            + "seriesId, type, status, clinicianId, start, end, topic, location and its own bookingStatus and waitlistPosition.")
    public record SessionDetailDoc(UUID id, UUID seriesId, String type, String status, UUID clinicianId,
                                   @Schema(description = "INDIVIDUAL and FAMILY only; staff only") UUID patientId,
                                   OffsetDateTime start, OffsetDateTime end, String topic, String location,
                                   @Schema(description = "Staff only") Integer capacity,
                                   @Schema(description = "Staff only") Long booked,
                                   @Schema(description = "Staff only") Long waitlisted,
                                   @Schema(description = "Staff only") String cancelReason,
                                   @Schema(description = "Staff only; also sent as the ETag") Long version,
                                   @Schema(description = "Patient token only: BOOKED or WAITLISTED") String bookingStatus,
                                   @Schema(description = "Patient token only: place on the waitlist, from 1") Integer waitlistPosition) {
    }

    @Schema(name = "Booking")
    public record BookingView(UUID sessionId, UUID patientId,
                              @Schema(enumeration = { "BOOKED", "WAITLISTED", "CANCELLED" }) String status,
                              Integer waitlistPosition, Boolean late, String cancelReason,
                              OffsetDateTime requestedAt, OffsetDateTime cancelledAt) {
    }

    @Schema(name = "SeriesBooking", description = "The bookings made in each future occurrence of a series")
    public record SeriesBookingView(UUID seriesId, UUID patientId, List<BookingView> bookings) {
    }

    @Schema(name = "Attendance")
    public record AttendanceView(UUID sessionId, String sessionType, String status,
                                 @Schema(description = "Free text for clinicians and admins only: absent for schedulers and external callers")
                                 String groupNote,
                                 @Schema(description = "Members present (ATTENDED, LATE, LEFT_EARLY): the group size to document for billing; counts every "
                                         + "attendee, also those left out of attendees for an external caller", example = "9")
                                 int presentCount,
                                 @Schema(description = "Set when the group is larger than payers bill 90853 for (iop.sessions.billable-group-size, 12)")
                                 String billingWarning,
                                 List<AttendeeView> attendees) {
    }

    @Schema(name = "Attendee")
    public record AttendeeView(UUID patientId, String status, int minutesAttended,
                               @Schema(description = "Free text for clinicians and admins only: absent for schedulers and external callers")
                               String note,
                               @Schema(description = "Suggested CPT code, null when not billable", example = "90853") String billingCode) {
    }

    @Schema(name = "SessionSeries")
    public record SeriesView(UUID id, String type, UUID clinicianId, UUID patientId, List<DayOfWeek> daysOfWeek,
                             @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "09:00") LocalTime startTime,
                             int durationMinutes, LocalDate from, LocalDate until, Integer count, String timeZone,
                             String topic, int capacity, String location, List<SessionView> occurrences) {
    }

    @Schema(name = "PatientAgendaEntry")
    public record AgendaEntry(UUID sessionId, UUID seriesId, String type, String sessionStatus, UUID clinicianId,
                              OffsetDateTime start, OffsetDateTime end, String topic, String location,
                              String bookingStatus, Integer waitlistPosition) {
    }

    @Schema(name = "PatientAgenda")
    public record PatientAgenda(UUID patientId, OffsetDateTime from, OffsetDateTime to, List<AgendaEntry> entries) {
    }

    @Schema(name = "ClinicianSchedule")
    public record ClinicianSchedule(UUID clinicianId, OffsetDateTime from, OffsetDateTime to, List<SessionView> sessions) {
    }
}
