package care.iop.events;

/**
 * Versioned CloudEvents {@code type} values. A breaking change to a payload gets a new version
 * ({@code .v2}); consumers route unknown versions to the dead-letter topic.
 */
public final class EventTypes {
    private static final String PREFIX = "care.iop.";

    // iop.participants: payload PatientState or ClinicianState
    public static final String PATIENT_REGISTERED = PREFIX + "patient.registered.v1";
    public static final String PATIENT_UPDATED = PREFIX + "patient.updated.v1";
    public static final String PATIENT_PREFERENCES_CHANGED = PREFIX + "patient.preferences-changed.v1";
    public static final String PATIENT_CONSENT_GRANTED = PREFIX + "patient.consent-granted.v1";
    public static final String PATIENT_CONSENT_REVOKED = PREFIX + "patient.consent-revoked.v1";
    public static final String PATIENT_DISCHARGED = PREFIX + "patient.discharged.v1";
    public static final String CLINICIAN_REGISTERED = PREFIX + "clinician.registered.v1";
    public static final String CLINICIAN_UPDATED = PREFIX + "clinician.updated.v1";

    // iop.plans: payload PlanState, PlanSignature, PlanProposalOffered, SafetyFlagState, EpisodeState
    public static final String PLAN_CREATED = PREFIX + "plan.created.v1";
    public static final String PLAN_UPDATED = PREFIX + "plan.updated.v1";
    public static final String PLAN_STATUS_CHANGED = PREFIX + "plan.status-changed.v1";
    public static final String PLAN_MODALITY_CHANGED = PREFIX + "plan.modality-changed.v1";
    public static final String PLAN_REVIEW_RECORDED = PREFIX + "plan.review-recorded.v1";
    public static final String PLAN_SIGNED = PREFIX + "plan.signed.v1";
    /** Payload {@link PlanProposalOffered}. */
    public static final String PLAN_PROPOSAL_OFFERED = PREFIX + "plan.proposal-offered.v1";
    public static final String SAFETY_FLAG_RAISED = PREFIX + "assessment.safety-flag-raised.v1";
    public static final String SAFETY_FLAG_ACKNOWLEDGED = PREFIX + "assessment.safety-flag-acknowledged.v1";
    // iop.plans: the suicide-risk pathway (key: the patient id); flags carry SafetyFlagState
    public static final String SAFETY_FLAG_OVERDUE = PREFIX + "assessment.safety-flag-overdue.v1";
    public static final String SAFETY_FLAG_RESOLVED = PREFIX + "assessment.safety-flag-resolved.v1";
    /** Payload {@link RiskScreenRecorded}. */
    public static final String RISK_SCREEN_RECORDED = PREFIX + "risk-screen.recorded.v1";
    /** Payload {@link SafetyPlanRecorded} (ids only, never the plan's content). */
    public static final String SAFETY_PLAN_RECORDED = PREFIX + "safety-plan.recorded.v1";
    // iop.plans: payload EpisodeState (key: the patient id)
    public static final String EPISODE_OPENED = PREFIX + "episode.opened.v1";
    public static final String EPISODE_UPDATED = PREFIX + "episode.updated.v1";
    public static final String EPISODE_LEVEL_CHANGED = PREFIX + "episode.level-changed.v1";
    public static final String EPISODE_CLOSED = PREFIX + "episode.closed.v1";
    public static final String FIRST_PLAN_OVERDUE = PREFIX + "episode.first-plan-overdue.v1";
    // iop.plans: follow-up tasks (key: the patient id), payload FollowUpTaskState or DischargeReviewOpened
    public static final String NO_SHOW_FOLLOW_UP_OPENED = PREFIX + "follow-up.no-show-opened.v1";
    /** Payload {@link DischargeReviewOpened}. */
    public static final String DISCHARGE_REVIEW_OPENED = PREFIX + "follow-up.discharge-review-opened.v1";
    public static final String FOLLOW_UP_COMPLETED = PREFIX + "follow-up.completed.v1";
    public static final String FOLLOW_UP_CANCELLED = PREFIX + "follow-up.cancelled.v1";
    // iop.plans: payload DischargeSummarySigned (key: the patient id)
    public static final String DISCHARGE_SUMMARY_SIGNED = PREFIX + "discharge-summary.signed.v1";

    // iop.sessions: payload SessionState, BookingState, AttendanceRecorded
    public static final String SESSION_SCHEDULED = PREFIX + "session.scheduled.v1";
    public static final String SESSION_RESCHEDULED = PREFIX + "session.rescheduled.v1";
    public static final String SESSION_CANCELLED = PREFIX + "session.cancelled.v1";
    public static final String BOOKING_CONFIRMED = PREFIX + "booking.confirmed.v1";
    public static final String BOOKING_WAITLISTED = PREFIX + "booking.waitlisted.v1";
    public static final String BOOKING_PROMOTED = PREFIX + "booking.promoted.v1";
    public static final String BOOKING_CANCELLED = PREFIX + "booking.cancelled.v1";
    public static final String ATTENDANCE_RECORDED = PREFIX + "session.attendance-recorded.v1";

    // iop.sessions: progress notes, payload ProgressNoteState or ProgressNoteAddendumState (never the text)
    public static final String PROGRESS_NOTE_DRAFTED = PREFIX + "progress-note.drafted.v1";
    public static final String PROGRESS_NOTE_SIGNED = PREFIX + "progress-note.signed.v1";
    public static final String PROGRESS_NOTE_ENTERED_IN_ERROR = PREFIX + "progress-note.entered-in-error.v1";
    public static final String PROGRESS_NOTE_ADDENDUM_ADDED = PREFIX + "progress-note.addendum-added.v1";
    public static final String PROGRESS_NOTE_ADDENDUM_SIGNED = PREFIX + "progress-note.addendum-signed.v1";

    private EventTypes() {
    }
}
