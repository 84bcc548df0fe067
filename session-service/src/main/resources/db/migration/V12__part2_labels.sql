-- 42 CFR Part 2 (docs/security.md): the label of each known patient and the disclosure consents matched to callers.
-- The label is sticky: set by a patient event labelled part2 or by a plan event labelled part2 (a plan with an SUD
-- diagnosis), it never goes back to false.
alter table known_patient add column part2 boolean not null default false;
alter table known_plan add column part2 boolean not null default false;

-- PART2_DISCLOSURE consents name the recipient (the calling client's identity) and the purposes they cover.
alter table known_patient_consent add column recipient_id text;
alter table known_patient_consent add column purposes text[];
-- The Part 2 patients a recipient may see (a list query for an external caller): by recipient, then patient.
create index known_patient_consent_disclosure on known_patient_consent (recipient_id, patient_id)
    where kind = 'PART2_DISCLOSURE';
