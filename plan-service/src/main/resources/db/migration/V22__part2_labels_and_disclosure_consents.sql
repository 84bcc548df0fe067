-- 42 CFR Part 2 (docs/security.md): the patient's label and the consents that let a caller outside the
-- program receive the patient's records.

-- Sticky: true once any event says so (the participant label from the track, or a plan of this service
-- with an SUD diagnosis among its problems); a later event saying false does not clear it.
alter table known_patient add column part2 boolean not null default false;

update known_patient set part2 = true where track = 'ADULT_SUD';
update known_patient k set part2 = true
where exists (select 1 from care_plan p, jsonb_array_elements(p.problems::jsonb) problem
              where p.patient_id = k.patient_id
                and upper(btrim(problem ->> 'code')) ~ '^F1[0-9]');

-- The patient's active PART2_DISCLOSURE consents as of its latest event (replaced with each applied event):
-- matched against the calling client (recipient_id), the request's purpose and the day (expires_on inclusive).
create table known_consent (
    patient_id    uuid   not null references known_patient (patient_id),
    consent_id    uuid   not null,
    recipient_id  text,
    purposes      text[] not null default '{}',   -- TREATMENT, PAYMENT, HEALTH_CARE_OPERATIONS
    expires_on    date,
    primary key (patient_id, consent_id)
);
-- Lists for an external caller ask: which Part 2 patients may this recipient see today?
create index known_consent_recipient on known_consent (recipient_id, expires_on);

insert into known_consent (patient_id, consent_id, recipient_id, purposes, expires_on)
select k.patient_id, cast(c ->> 'consentId' as uuid), c ->> 'recipientId',
       case when jsonb_typeof(c -> 'purposes') = 'array' then array(select jsonb_array_elements_text(c -> 'purposes')) else '{}' end,
       cast(c ->> 'expiresOn' as date)
from known_patient k, jsonb_array_elements(k.active_consents::jsonb) c
where c ->> 'kind' = 'PART2_DISCLOSURE' and c ->> 'consentId' is not null
on conflict do nothing;
