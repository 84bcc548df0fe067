-- 42 CFR Part 2: a refused disclosure says why; a disclosure names its recipient and the consent it relied on.
alter table audit_event add column reason text;
alter table audit_event add column recipient text;
alter table audit_event add column consent_id uuid;
