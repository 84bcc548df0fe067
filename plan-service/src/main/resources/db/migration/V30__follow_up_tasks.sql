-- Issue 21, no-shows and the attendance policy: follow-up tasks for the primary clinician. A NO_SHOW in an
-- attendance event opens a NO_SHOW_FOLLOW_UP of that session; more missed sessions than iop.attendance.max-missed in
-- iop.attendance.window open a DISCHARGE_REVIEW. Both are due at the end of the next business day (due_at = end of
-- due_on in the program's time zone), closed with an outcome note (DONE) or cancelled by an attendance correction.
create table follow_up_task (
    id                     uuid        primary key,
    patient_id             uuid        not null,
    kind                   text        not null check (kind in ('NO_SHOW_FOLLOW_UP', 'DISCHARGE_REVIEW')),
    session_id             uuid,                  -- the missed session (no-show follow-ups only)
    session_start          timestamptz,
    assigned_clinician_id  uuid,                  -- primary clinician of the patient's current plan; null without a plan
    due_on                 date        not null,
    due_at                 timestamptz not null,
    status                 text        not null check (status in ('OPEN', 'DONE', 'CANCELLED')),
    missed_count           int,                   -- discharge reviews: missed sessions in the window
    window_from            date,
    window_to              date,
    opened_at              timestamptz not null,
    outcome_note           text,
    done_by                text,
    done_at                timestamptz,
    cancelled_at           timestamptz,
    version                bigint      not null,
    check ((kind = 'NO_SHOW_FOLLOW_UP') = (session_id is not null and session_start is not null)),
    check ((kind = 'DISCHARGE_REVIEW') = (missed_count is not null and window_from is not null and window_to is not null)),
    check ((status = 'DONE') = (done_at is not null and done_by is not null and outcome_note is not null)),
    check ((status = 'CANCELLED') = (cancelled_at is not null))
);
-- One live (open or done) follow-up per missed session and patient: a redelivered or corrected event opens nothing new.
create unique index follow_up_task_no_show on follow_up_task (session_id, patient_id)
    where kind = 'NO_SHOW_FOLLOW_UP' and status <> 'CANCELLED';
-- At most one open discharge review per patient.
create unique index follow_up_task_open_review on follow_up_task (patient_id)
    where kind = 'DISCHARGE_REVIEW' and status = 'OPEN';
-- The worklist: a clinician's open tasks by due time.
create index follow_up_task_assigned_open on follow_up_task (assigned_clinician_id, due_at) where status = 'OPEN';
create index follow_up_task_patient on follow_up_task (patient_id, opened_at);
