-- The coded reason of a discharge (events DischargeReason), beside the free-text reason. Discharges recorded before
-- the code existed carry OTHER.
alter table patient add column discharge_reason_code text;
update patient set discharge_reason_code = 'OTHER' where status = 'DISCHARGED';
