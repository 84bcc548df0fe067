-- Issue 21: the discharge summary of a patient's discharge (one per episode of care), drafted from the patient.discharged
-- event (or started by a clinician before it) and signed by a clinician; a signed summary is locked (docs/outcomes.md,
-- "Discharge summary").

create table discharge_summary (
    id                      uuid primary key,
    patient_id              uuid        not null,
    episode_id              uuid references episode_of_care (id),   -- the admission it closes; null for a patient without one
    plan_id                 uuid references care_plan (id),         -- the plan whose objectives it reports (the one in force at discharge)
    status                  text        not null,                   -- DRAFT, SIGNED
    reason_code             text,                                   -- care.iop.events.DischargeReason name
    discharged_on           date,
    level_of_care           text,                                   -- 1, 2.1, 2.5 at discharge
    admitted_on             date,                                   -- the admission the admission scores are taken around
    scores                  text        not null default '[]',      -- JSON [{instrument, admission{assessmentId,total,band,takenAt}, discharge{...}}]
    objectives              text        not null default '[]',      -- JSON [{goalId, goalDescription, objectiveId, description, status, targetDate}]
    aftercare_plan          text,
    referrals               text        not null default '[]',      -- JSON [{organisation, service, contact, date}]
    assigned_clinician_id   uuid,                                   -- the plan's primary clinician
    due_at                  timestamptz,                            -- end of (discharged_on + iop.discharge.summary-due) in the program's zone
    event_reason_code       text,                                   -- what the patient.discharged event said (null until it arrived)
    event_discharged_on     date,
    mismatch_reason_code    text,                                   -- a later discharge event that disagreed with the signed summary
    mismatch_discharged_on  date,
    mismatch_at             timestamptz,
    signed_by               text,                                   -- the signer's token subject
    signer_clinician_id     uuid,                                   -- the signer's clinician_id claim, when the token has one
    signed_at               timestamptz,
    created_by              text        not null,                   -- a subject, or event:<type>
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 bigint      not null
);
-- One summary per admission, and at most one draft per patient (a clinician's early draft and the event meet in it).
create unique index discharge_summary_one_per_episode on discharge_summary (episode_id) where episode_id is not null;
create unique index discharge_summary_one_draft on discharge_summary (patient_id) where status = 'DRAFT';
create index discharge_summary_patient on discharge_summary (patient_id, created_at);
-- The worklist and the list by clinician: drafts assigned to a clinician by due time.
create index discharge_summary_assigned on discharge_summary (assigned_clinician_id, status, due_at);
