package care.iop.events;

import java.util.List;
import java.util.Map;

/**
 * Every event type with its topic, payload record and the change that publishes it: the source of the AsyncAPI
 * document ({@code META-INF/asyncapi/asyncapi.yaml}, served by the gateway at {@code /q/asyncapi}). The events
 * module's {@code EventContractTest} derives the document from this list and the payload records and fails when the
 * checked-in document differs, or when a type of {@link EventTypes} or a topic of {@link Topics} is missing here.
 */
public final class EventCatalog {

    /** One event type: {@code type} is the CloudEvents {@code ce_type}; {@code key} names what the record key is. */
    public record Entry(String type, String topic, Class<? extends Record> payload, String key, String when) {
    }

    /** The service that publishes each topic (its {@code ce_source} is {@code /iop/<service>}). */
    public static final Map<String, String> PRODUCERS = Map.of(
            Topics.PARTICIPANTS, "participant-service",
            Topics.PLANS, "plan-service",
            Topics.SESSIONS, "session-service");

    private static final String PATIENT = "the patient id";
    private static final String CLINICIAN = "the clinician id";
    private static final String PLAN = "the plan id";
    private static final String SESSION = "the session id";

    public static final List<Entry> ENTRIES = List.of(
            new Entry(EventTypes.PATIENT_REGISTERED, Topics.PARTICIPANTS, PatientState.class, PATIENT, "POST /api/v1/patients registered a patient"),
            new Entry(EventTypes.PATIENT_UPDATED, Topics.PARTICIPANTS, PatientState.class, PATIENT,
                    "PUT /api/v1/patients/{id} changed something (an identical PUT publishes nothing)"),
            new Entry(EventTypes.PATIENT_PREFERENCES_CHANGED, Topics.PARTICIPANTS, PatientState.class, PATIENT,
                    "PUT /api/v1/patients/{id}/preferences changed something"),
            new Entry(EventTypes.PATIENT_CONSENT_GRANTED, Topics.PARTICIPANTS, PatientState.class, PATIENT, "POST /api/v1/patients/{id}/consents"),
            new Entry(EventTypes.PATIENT_CONSENT_REVOKED, Topics.PARTICIPANTS, PatientState.class, PATIENT,
                    "POST /api/v1/patients/{id}/consents/{consentId}/revoke"),
            new Entry(EventTypes.PATIENT_DISCHARGED, Topics.PARTICIPANTS, PatientState.class, PATIENT, "POST /api/v1/patients/{id}/discharge"),
            new Entry(EventTypes.CLINICIAN_REGISTERED, Topics.PARTICIPANTS, ClinicianState.class, CLINICIAN, "POST /api/v1/clinicians"),
            new Entry(EventTypes.CLINICIAN_UPDATED, Topics.PARTICIPANTS, ClinicianState.class, CLINICIAN,
                    "PUT /api/v1/clinicians/{id} changed something (including active)"),
            new Entry(EventTypes.PLAN_CREATED, Topics.PLANS, PlanState.class, PLAN, "POST /api/v1/plans (status draft)"),
            new Entry(EventTypes.PLAN_UPDATED, Topics.PLANS, PlanState.class, PLAN, "PUT /api/v1/plans/{id} (problems, goals, objectives, interventions, rationale, dates)"),
            new Entry(EventTypes.PLAN_STATUS_CHANGED, Topics.PLANS, PlanState.class, PLAN, "PUT /api/v1/plans/{id}/status"),
            new Entry(EventTypes.PLAN_MODALITY_CHANGED, Topics.PLANS, PlanState.class, PLAN, "POST /api/v1/plans/{id}/modality-changes"),
            new Entry(EventTypes.PLAN_REVIEW_RECORDED, Topics.PLANS, PlanState.class, PLAN, "POST /api/v1/plans/{id}/reviews"),
            new Entry(EventTypes.PLAN_SIGNED, Topics.PLANS, PlanSignature.class, PLAN,
                    "POST /api/v1/plans/{id}/versions/{n}/signatures recorded a signature (versionSigned: the version is now in force)"),
            new Entry(EventTypes.PLAN_PROPOSAL_OFFERED, Topics.PLANS, PlanProposalOffered.class, PLAN,
                    "the group comfort or preferred modality of a patient with an active plan changed: a new proposal is offered on the"
                            + " plan (not applied)"),
            new Entry(EventTypes.SAFETY_FLAG_RAISED, Topics.PLANS, SafetyFlagState.class, PATIENT,
                    "POST /api/v1/assessments scored a PHQ-9 with item 9 above 0 (kind SAFETY_FLAG), or POST /api/v1/risk-screens"
                            + " recorded a high risk (kind URGENT, for the on-call role)"),
            new Entry(EventTypes.SAFETY_FLAG_ACKNOWLEDGED, Topics.PLANS, SafetyFlagState.class, PATIENT,
                    "POST /api/v1/assessments/safety-flags/{id}/acknowledge: an admin closed the flag without a screen, with a reason"),
            new Entry(EventTypes.SAFETY_FLAG_OVERDUE, Topics.PLANS, SafetyFlagState.class, PATIENT,
                    "the overdue check (iop.risk.overdue-check) found an open flag past its due time (once per flag)"),
            new Entry(EventTypes.SAFETY_FLAG_RESOLVED, Topics.PLANS, SafetyFlagState.class, PATIENT,
                    "POST /api/v1/assessments/safety-flags/{id}/resolution closed the flag with a C-SSRS screen (and a safety plan"
                            + " when the risk is moderate or high)"),
            new Entry(EventTypes.RISK_SCREEN_RECORDED, Topics.PLANS, RiskScreenRecorded.class, PATIENT,
                    "POST /api/v1/risk-screens recorded a C-SSRS screener (a HIGH risk also raises an URGENT safety flag)"),
            new Entry(EventTypes.SAFETY_PLAN_RECORDED, Topics.PLANS, SafetyPlanRecorded.class, PATIENT,
                    "POST /api/v1/safety-plans recorded a patient's safety plan (a new version supersedes the previous one)"),
            new Entry(EventTypes.EPISODE_OPENED, Topics.PLANS, EpisodeState.class, PATIENT,
                    "a patient event carried an admission date (a new admission), or the first plan of a patient without one was created"),
            new Entry(EventTypes.EPISODE_UPDATED, Topics.PLANS, EpisodeState.class, PATIENT,
                    "a patient event corrected the admission date of the open episode (or gave one to an episode the first plan opened)"),
            new Entry(EventTypes.EPISODE_LEVEL_CHANGED, Topics.PLANS, EpisodeState.class, PATIENT,
                    "POST /api/v1/episodes/{id}/level-changes (a dated level-of-care transition)"),
            new Entry(EventTypes.EPISODE_CLOSED, Topics.PLANS, EpisodeState.class, PATIENT,
                    "a patient.discharged event closed the open episode (discharge date and coded reason)"),
            new Entry(EventTypes.FIRST_PLAN_OVERDUE, Topics.PLANS, EpisodeState.class, PATIENT,
                    "the daily check found the open episode without a plan in force after iop.plan.first-plan-due-days (once per episode)"),
            new Entry(EventTypes.NO_SHOW_FOLLOW_UP_OPENED, Topics.PLANS, FollowUpTaskState.class, PATIENT,
                    "an attendance event (or a correction) recorded a NO_SHOW: a follow-up task for the primary clinician, due the next"
                            + " business day (once per session and patient)"),
            new Entry(EventTypes.DISCHARGE_REVIEW_OPENED, Topics.PLANS, DischargeReviewOpened.class, PATIENT,
                    "a missed session took the patient over iop.attendance.max-missed in iop.attendance.window: a discharge-review task"
                            + " (none while one is open)"),
            new Entry(EventTypes.FOLLOW_UP_COMPLETED, Topics.PLANS, FollowUpTaskState.class, PATIENT,
                    "POST /api/v1/follow-ups/{id}/completion closed an open task with an outcome note (status DONE)"),
            new Entry(EventTypes.FOLLOW_UP_CANCELLED, Topics.PLANS, FollowUpTaskState.class, PATIENT,
                    "an attendance correction no longer records the no-show: its open follow-up is cancelled (status CANCELLED)"),
            new Entry(EventTypes.DISCHARGE_SUMMARY_SIGNED, Topics.PLANS, DischargeSummarySigned.class, PATIENT,
                    "POST /api/v1/patients/{id}/discharge-summary/signature signed the discharge summary (reason and date equal the"
                            + " patient.discharged event's; never the narrative)"),
            new Entry(EventTypes.SESSION_SCHEDULED, Topics.SESSIONS, SessionState.class, SESSION,
                    "a session is created (alone or as a series occurrence)"),
            new Entry(EventTypes.SESSION_RESCHEDULED, Topics.SESSIONS, SessionState.class, SESSION,
                    "time, place, capacity or clinician changed (PUT /api/v1/sessions/{id})"),
            new Entry(EventTypes.SESSION_CANCELLED, Topics.SESSIONS, SessionState.class, SESSION,
                    "cancelled by staff, or an INDIVIDUAL/FAMILY session whose patient booking was cancelled"),
            new Entry(EventTypes.BOOKING_CONFIRMED, Topics.SESSIONS, BookingState.class, SESSION,
                    "a patient got a seat (also the patient of an INDIVIDUAL/FAMILY session)"),
            new Entry(EventTypes.BOOKING_WAITLISTED, Topics.SESSIONS, BookingState.class, SESSION, "the group was full: waitlisted with its position"),
            new Entry(EventTypes.BOOKING_PROMOTED, Topics.SESSIONS, BookingState.class, SESSION, "a waitlisted patient got a freed seat"),
            new Entry(EventTypes.BOOKING_CANCELLED, Topics.SESSIONS, BookingState.class, SESSION,
                    "cancelled by staff or patient (late under 24 h before start), by a session cancellation, or because the patient "
                            + "is no longer eligible"),
            new Entry(EventTypes.ATTENDANCE_RECORDED, Topics.SESSIONS, AttendanceRecorded.class, SESSION,
                    "attendance recorded; a correction publishes a new event that replaces the previous one"),
            new Entry(EventTypes.PROGRESS_NOTE_DRAFTED, Topics.SESSIONS, ProgressNoteState.class, SESSION,
                    "POST /api/v1/sessions/{id}/notes drafted a progress note (status DRAFT; edits of a draft publish nothing)"),
            new Entry(EventTypes.PROGRESS_NOTE_SIGNED, Topics.SESSIONS, ProgressNoteState.class, SESSION,
                    "POST /api/v1/notes/{noteId}/signatures: signed by the session's clinician (LOCKED, or AWAITING_COSIGNATURE when "
                            + "the signer's credentials need a co-signature) or co-signed (LOCKED)"),
            new Entry(EventTypes.PROGRESS_NOTE_ENTERED_IN_ERROR, Topics.SESSIONS, ProgressNoteState.class, SESSION,
                    "POST /api/v1/notes/{noteId}/entered-in-error marked the note (its text stays for the audit)"),
            new Entry(EventTypes.PROGRESS_NOTE_ADDENDUM_ADDED, Topics.SESSIONS, ProgressNoteAddendumState.class, SESSION,
                    "POST /api/v1/notes/{noteId}/addenda added a correction to a signed note (AWAITING_SIGNATURE)"),
            new Entry(EventTypes.PROGRESS_NOTE_ADDENDUM_SIGNED, Topics.SESSIONS, ProgressNoteAddendumState.class, SESSION,
                    "POST /api/v1/notes/{noteId}/addenda/{n}/signatures signed (SIGNED, or AWAITING_COSIGNATURE) or co-signed an addendum"));

    private EventCatalog() {
    }
}
