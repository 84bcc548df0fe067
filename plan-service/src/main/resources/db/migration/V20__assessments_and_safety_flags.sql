-- Outcomes: scored questionnaires (PHQ-9, GAD-7, AUDIT, DAST-10) and the safety flags they raise.

create table assessment (
    id           uuid        primary key,
    patient_id   uuid        not null,
    instrument   text        not null check (instrument in ('PHQ9', 'GAD7', 'AUDIT', 'DAST10')),
    answers      text        not null,   -- item answers in order, comma-separated
    total        int         not null check (total >= 0),
    band         text        not null,
    safety_flag  boolean     not null,
    taken_at     timestamptz not null,
    recorded_at  timestamptz not null,
    recorded_by  text        not null,
    source       text        not null check (source in ('CLINICIAN', 'SELF_REPORT')),
    version      bigint      not null
);
create index assessment_patient_instrument on assessment (patient_id, instrument, taken_at);
create index assessment_instrument_taken on assessment (instrument, taken_at);

create table safety_flag (
    id                    uuid        primary key,
    patient_id            uuid        not null,
    assessment_id         uuid        not null unique references assessment (id),
    instrument            text        not null,
    reason                text        not null,
    status                text        not null check (status in ('OPEN', 'ACKNOWLEDGED')),
    raised_at             timestamptz not null,
    acknowledged_at       timestamptz,
    acknowledged_by       text,
    acknowledgement_note  text,
    version               bigint      not null,
    check ((status = 'OPEN') = (acknowledged_at is null))
);
create index safety_flag_status on safety_flag (status, raised_at);
create index safety_flag_patient on safety_flag (patient_id, raised_at);
