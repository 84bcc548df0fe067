package care.iop.platform.worklist;

/** What a worklist item asks the clinician to do; each service contributes the kinds of the data it owns. */
public enum WorklistItemKind {
    /** session-service: a session the clinician facilitates today or tomorrow. */
    SESSION,
    /** session-service: a progress note to write (attendance recorded, no note yet). */
    NOTE_TO_WRITE,
    /** session-service: a drafted note to sign. */
    NOTE_TO_SIGN,
    /** session-service: a signed note awaiting this clinician's co-signature. */
    NOTE_TO_COSIGN,
    /** plan-service: a safety flag assigned to the clinician, due the day it was raised. */
    SAFETY_FLAG,
    /** plan-service: a high-risk screen's urgent flag for the on-call role. */
    URGENT_SAFETY_FLAG,
    /** plan-service: a scheduled assessment due or overdue. */
    ASSESSMENT_DUE,
    /** plan-service: a plan review due. */
    REVIEW_DUE,
    /** plan-service: a plan version awaiting signatures. */
    PLAN_SIGNATURE,
    /** plan-service: a follow-up after a no-show, due the next business day. */
    NO_SHOW_FOLLOW_UP,
    /** plan-service: a discharge review after too many missed sessions. */
    DISCHARGE_REVIEW,
    /** plan-service: a discharge summary to write or sign. */
    DISCHARGE_SUMMARY
}
