-- Issue 20: episodes of care (one per admission) with their dated level-of-care transitions; a plan belongs to an
-- episode; a plan below its level's minimum while stepping down records since when (plan-service README, "Episodes").

create table episode_of_care (
    id                     uuid primary key,
    patient_id             uuid        not null,
    status                 text        not null,   -- open, closed
    admitted_on            date        not null,
    admission_source       text        not null,   -- admission (patient events), first-plan (no admission date known)
    level_of_care          text        not null,   -- 1, 2.1, 2.5: in force (the latest transition's)
    discharged_on          date,
    discharge_reason_code  text,                   -- care.iop.events.DischargeReason name
    first_plan_overdue_on  date,                   -- the day FirstPlanOverdue was published (once per episode)
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint      not null
);
-- At most one open episode per patient, also when a patient event and a first plan open one at the same time.
create unique index episode_of_care_one_open on episode_of_care (patient_id) where status = 'open';
create index episode_of_care_patient on episode_of_care (patient_id, admitted_on);

create table level_of_care_transition (
    id             uuid primary key,
    episode_id     uuid        not null references episode_of_care (id),
    from_level     text        not null,
    to_level       text        not null,
    effective_on   date        not null,
    reason         text        not null,
    assessment_id  uuid,                     -- the assessment (outcomes) that justified it
    plan_id        uuid references care_plan (id),   -- the plan whose level (and mix) it changed, if any
    recorded_by    text,
    recorded_at    timestamptz not null
);
create index level_of_care_transition_episode on level_of_care_transition (episode_id, effective_on, recorded_at);
create index level_of_care_transition_plan on level_of_care_transition (plan_id, effective_on);

alter table care_plan add column episode_id uuid references episode_of_care (id);
-- First day of a step-down below the level's minimum (tolerated for iop.plan.step-down-tolerance); null otherwise.
alter table care_plan add column step_down_since date;
create index care_plan_episode on care_plan (episode_id);

-- Existing data: one episode per patient with plans (admitted on the known admission date, else the first plan's
-- start; closed when the patient is discharged), and one per admitted patient without plans.
insert into episode_of_care (id, patient_id, status, admitted_on, admission_source, level_of_care, discharged_on,
                             discharge_reason_code, created_at, updated_at, version)
select gen_random_uuid(), p.patient_id,
       case when k.status = 'DISCHARGED' then 'closed' else 'open' end,
       coalesce(k.admission_date, min(p.start_date)),
       case when k.admission_date is null then 'first-plan' else 'admission' end,
       (array_agg(p.level_of_care order by p.created_at desc))[1],
       case when k.status = 'DISCHARGED' then coalesce(k.discharged_on, max(p.end_date)) end,
       case when k.status = 'DISCHARGED' then coalesce(k.discharge_reason_code, 'OTHER') end,
       now(), now(), 0
from care_plan p left join known_patient k on k.patient_id = p.patient_id
group by p.patient_id, k.status, k.admission_date, k.discharged_on, k.discharge_reason_code;

insert into episode_of_care (id, patient_id, status, admitted_on, admission_source, level_of_care, created_at, updated_at, version)
select gen_random_uuid(), k.patient_id, 'open', k.admission_date, 'admission', coalesce(k.level_of_care, '2.1'), now(), now(), 0
from known_patient k
where k.admission_date is not null and k.status <> 'DISCHARGED'
  and not exists (select 1 from episode_of_care e where e.patient_id = k.patient_id);

update care_plan p set episode_id = e.id from episode_of_care e where e.patient_id = p.patient_id;

-- belowMinimumJustification no longer exempts for good: a plan that relied on it is stepping down since its mix took
-- effect, so it shows as "step-down tolerance over" in the dose alerts once the tolerance has passed.
update care_plan set step_down_since = modality_effective_from where below_minimum_justification is not null;
