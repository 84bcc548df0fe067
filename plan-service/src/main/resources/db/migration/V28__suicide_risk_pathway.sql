-- The suicide-risk pathway (issue 21): a safety flag is due the same program day and assigned to the patient's primary
-- clinician; it is closed by a C-SSRS screen (and a safety plan when the risk is moderate or high), or acknowledged
-- without one by an admin with a reason. A high-risk screen raises an URGENT flag for the on-call role.

create table risk_screen (
    id                        uuid        primary key,
    patient_id                uuid        not null,
    flag_id                   uuid        references safety_flag (id),
    item1                     boolean     not null,   -- wish to be dead
    item2                     boolean     not null,   -- non-specific active suicidal thoughts
    item3                     boolean     not null,   -- active ideation with any method, without intent
    item4                     boolean     not null,   -- active ideation with some intent to act
    item5                     boolean     not null,   -- active ideation with a specific plan and intent
    item6                     boolean     not null,   -- suicidal behaviour (ever)
    item6_within_three_months boolean,
    risk                      text        not null check (risk in ('NONE', 'LOW', 'MODERATE', 'HIGH')),
    taken_at                  timestamptz not null,
    recorded_at               timestamptz not null,
    recorded_by               text        not null,
    version                   bigint      not null,
    check (item6 = (item6_within_three_months is not null))
);
create index risk_screen_patient on risk_screen (patient_id, taken_at);

create table safety_plan (
    id             uuid        primary key,
    patient_id     uuid        not null,
    plan_version   int         not null check (plan_version >= 1),
    supersedes_id  uuid        references safety_plan (id),
    screen_id      uuid        references risk_screen (id),
    sections       text        not null,   -- the Stanley-Brown sections as JSON (SafetyPlanSectionsConverter)
    recorded_at    timestamptz not null,
    recorded_by    text        not null,
    version        bigint      not null,
    unique (patient_id, plan_version)
);

alter table safety_flag
    add column kind                  text not null default 'SAFETY_FLAG' check (kind in ('SAFETY_FLAG', 'URGENT')),
    add column assigned_clinician_id uuid,
    add column assigned_role         text,
    add column due_at                timestamptz,
    add column overdue_at            timestamptz,
    add column resolved_at           timestamptz,
    add column resolved_by           text,
    add column risk_screen_id        uuid references risk_screen (id),
    add column safety_plan_id        uuid references safety_plan (id),
    add column source_screen_id      uuid references risk_screen (id),
    alter column assessment_id drop not null,
    alter column instrument drop not null;

-- Flags raised before this migration: due at the end of the day they were raised on, in the default program time zone.
update safety_flag set due_at = ((raised_at at time zone 'America/New_York')::date + 1)::timestamp at time zone 'America/New_York'
    where due_at is null;
alter table safety_flag alter column due_at set not null;

alter table safety_flag drop constraint safety_flag_status_check;
alter table safety_flag drop constraint safety_flag_check;
alter table safety_flag add constraint safety_flag_status_check check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED'));
alter table safety_flag add constraint safety_flag_acknowledged_check check ((status = 'ACKNOWLEDGED') = (acknowledged_at is not null));
alter table safety_flag add constraint safety_flag_resolved_check
    check ((status = 'RESOLVED') = (resolved_at is not null and risk_screen_id is not null));
alter table safety_flag add constraint safety_flag_source_check
    check ((kind = 'SAFETY_FLAG' and assessment_id is not null) or (kind = 'URGENT' and source_screen_id is not null));

create index safety_flag_assigned_open on safety_flag (assigned_clinician_id, due_at) where status = 'OPEN';
create index safety_flag_overdue_check on safety_flag (due_at) where status = 'OPEN' and overdue_at is null;
create index safety_flag_urgent_open on safety_flag (kind, due_at) where status = 'OPEN';
