-- Treatment plans (FHIR CarePlan statuses), their status transitions, modality switches and reviews.

create table care_plan (
    id                            uuid primary key,
    patient_id                    uuid        not null,
    primary_clinician_id          uuid        not null,
    status                        text        not null,   -- draft, active, on-hold, revoked, completed, entered-in-error
    level_of_care                 text        not null,
    start_date                    date        not null,
    duration_weeks                int         not null,
    end_date                      date        not null,
    review_interval_days          int         not null,
    next_review_due               date        not null,
    problems                      text        not null default '[]',   -- JSON [{code, display}]
    goals                         text        not null default '[]',   -- JSON [{description, measure:{instrument,target,dueDate}}]
    rationale                     text,
    -- the modality mix in force
    individual_sessions_per_week  int           not null,
    individual_session_minutes    int           not null,
    group_hours_per_week          numeric(5, 2) not null,
    family_sessions_per_week      int           not null,
    modality_effective_from       date          not null,
    modality_proposed             boolean       not null,
    modality_rationale            text,
    below_minimum_justification   text,
    created_by                    text,
    created_at                    timestamptz not null,
    updated_at                    timestamptz not null,
    version                       bigint      not null
);
create index care_plan_patient on care_plan (patient_id);
create index care_plan_clinician on care_plan (primary_clinician_id);
create index care_plan_review_due on care_plan (next_review_due);
-- At most one current (active or on-hold) plan per patient, also under concurrent activations.
create unique index care_plan_one_current on care_plan (patient_id) where status in ('active', 'on-hold');

create table plan_status_transition (
    id           bigserial primary key,
    plan_id      uuid        not null references care_plan (id),
    from_status  text,
    to_status    text        not null,
    reason       text,
    changed_by   text,
    changed_at   timestamptz not null
);
create index plan_status_transition_plan on plan_status_transition (plan_id, id);

create table plan_modality_change (
    id                                 uuid primary key,
    plan_id                            uuid          not null references care_plan (id),
    from_individual_sessions_per_week  int           not null,
    from_individual_session_minutes    int           not null,
    from_group_hours_per_week          numeric(5, 2) not null,
    from_family_sessions_per_week      int           not null,
    to_individual_sessions_per_week    int           not null,
    to_individual_session_minutes      int           not null,
    to_group_hours_per_week            numeric(5, 2) not null,
    to_family_sessions_per_week        int           not null,
    effective_from                     date          not null,
    reason                             text          not null,
    below_minimum_justification        text,
    changed_by                         text,
    changed_at                         timestamptz   not null
);
create index plan_modality_change_plan on plan_modality_change (plan_id, changed_at);

create table plan_review (
    id               uuid primary key,
    plan_id          uuid        not null references care_plan (id),
    reviewed_on      date        not null,
    summary          text        not null,
    decision         text        not null,   -- CONTINUE, ADJUST, STEP_DOWN, DISCHARGE
    next_review_due  date        not null,
    recorded_by      text,
    recorded_at      timestamptz not null
);
create index plan_review_plan on plan_review (plan_id, recorded_at);
