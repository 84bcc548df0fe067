-- The mix a plan prescribes by date (plan events carry it since modality switches can take effect
-- later): [{"from":"2026-12-07","modality":{...}}, ...]. Null for plans known only from older
-- events: then the mix columns are in force on every day.
alter table known_plan add column modality_schedule jsonb;
