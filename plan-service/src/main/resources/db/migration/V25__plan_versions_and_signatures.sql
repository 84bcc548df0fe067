-- Plan versions and signatures (issue 20). Every change of a plan's clinical content makes a version (a JSON snapshot
-- of that content and the names of the fields that changed); a version is signed by the patient (a guardian for an
-- adolescent), the author (the primary clinician) and, for an author with a supervised credential, a licensed co-signer.
-- A plan is active only once a version was fully signed; care_plan.signed_version is the latest fully signed one (the
-- version in force), current_version the latest one.

alter table care_plan add column current_version int not null default 0;
alter table care_plan add column signed_version  int;

create table plan_version (
    -- deferred: a new plan's first version is recorded before the plan's own insert (its current_version goes with it)
    plan_id             uuid        not null references care_plan (id) deferrable initially deferred,
    number              int         not null,
    content             text        not null,   -- JSON snapshot: levelOfCare, dates, problems, goals, interventions, modality, ...
    changes             text        not null,   -- JSON array of the snapshot's field names that differ from version number - 1
    cause               text        not null check (cause in ('created', 'amended', 'modality-switch', 'review', 'level-change')),
    signature_required  boolean     not null,
    created_by          text,
    created_at          timestamptz not null,
    primary key (plan_id, number)
);

create table plan_signature (
    id              uuid primary key,
    plan_id         uuid        not null,
    version_number  int         not null,
    role            text        not null check (role in ('patient', 'guardian', 'author', 'co-signer')),
    signer          text        not null,   -- the token subject that recorded the signature (the patient's own, or staff's)
    signer_name     text,                   -- the person who signed, as written (in person, verbal)
    clinician_id    uuid,                   -- author, co-signer
    credentials     text,                   -- the clinician's credentials when signing, comma-separated
    method          text        not null check (method in ('in-person', 'electronic', 'verbal')),
    witness         text,                   -- required for verbal
    signed_at       timestamptz not null,
    foreign key (plan_id, version_number) references plan_version (plan_id, number),
    -- one signature per role and version, also under concurrent requests
    constraint plan_signature_once unique (plan_id, version_number, role)
);

-- The clinicians' credentials decide who needs a co-signer; the read model gets them from clinician events (V23 adds
-- the column where it runs first).
alter table known_clinician add column if not exists credentials text;

-- Plans written before versions existed: version 1 is their content today. A plan that was ever activated keeps it in
-- force (activated before signatures were required: no signature needed); a draft needs its signatures.
insert into plan_version (plan_id, number, content, changes, cause, signature_required, created_by, created_at)
select p.id, 1,
       jsonb_build_object(
           'levelOfCare', p.level_of_care,
           'startDate', p.start_date::text,
           'durationWeeks', p.duration_weeks,
           'endDate', p.end_date::text,
           'reviewIntervalDays', p.review_interval_days,
           'problems', p.problems::jsonb,
           'goals', p.goals::jsonb,
           'interventions', p.interventions::jsonb,
           'rationale', p.rationale,
           'modality', jsonb_build_object(
               'individualSessionsPerWeek', p.individual_sessions_per_week,
               'individualSessionMinutes', p.individual_session_minutes,
               'groupHoursPerWeek', p.group_hours_per_week,
               'familySessionsPerWeek', p.family_sessions_per_week),
           'modalityEffectiveFrom', p.modality_effective_from::text,
           'modalityRationale', p.modality_rationale,
           'belowMinimumJustification', p.below_minimum_justification)::text,
       '[]',
       'created',
       not exists (select 1 from plan_status_transition t where t.plan_id = p.id and t.to_status = 'active'),
       p.created_by, p.created_at
from care_plan p;

update care_plan p set current_version = 1,
    signed_version = case when exists (select 1 from plan_status_transition t where t.plan_id = p.id and t.to_status = 'active')
                          then 1 end;
