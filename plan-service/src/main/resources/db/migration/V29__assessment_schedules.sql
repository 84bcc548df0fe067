-- Issue 21, measurement on schedule: a plan's own assessment schedule (docs/outcomes.md, "Measurement on schedule").
-- A plan without a row follows the defaults (iop.measurement.*), computed, so plans written before this migration
-- need no rows. entries: JSON [{instrument, rule, everyDays}] for the instruments the plan sets itself; the others
-- keep their default. revision is the ETag (0 = defaults, never written).

create table assessment_schedule (
    plan_id     uuid        primary key references care_plan (id),
    entries     text        not null,
    revision    bigint      not null check (revision > 0),
    updated_by  text        not null,
    updated_at  timestamptz not null
);

-- The due lists and the worklist read the current plans of a clinician (or of the program) on every screen.
create index care_plan_current_clinician on care_plan (primary_clinician_id) where status in ('active', 'on-hold');
