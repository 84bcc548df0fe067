-- 42 CFR Part 2 (issue 18, docs/security.md): the patient's label, and PART2_DISCLOSURE consents that can be
-- matched to a caller.

-- The label follows the track (care.iop.events.Part2.track: ADULT_SUD is the SUD track); existing patients get it now.
alter table patient add column part2 boolean not null default false;
update patient set part2 = true where track = 'ADULT_SUD';

-- A PART2_DISCLOSURE consent names the client it discloses to (the token's azp / client_id / sub) and the purposes
-- it covers (TREATMENT, PAYMENT, HEALTH_CARE_OPERATIONS). Rows granted before keep their free-text purpose in
-- "purpose" but have neither: they match no caller.
alter table consent add column recipient_id text;
alter table consent add column purposes text[];

-- Disclosure.visiblePart2Patients: the patients whose active consent names this recipient (then purpose and day).
create index consent_disclosure_recipient on consent (recipient_id, expires_on)
    where kind = 'PART2_DISCLOSURE' and revoked_at is null;
-- PrivacyFacts.of and the cap on active disclosure consents: a patient's unrevoked disclosure consents.
create index consent_disclosure_patient on consent (patient_id)
    where kind = 'PART2_DISCLOSURE' and revoked_at is null;
