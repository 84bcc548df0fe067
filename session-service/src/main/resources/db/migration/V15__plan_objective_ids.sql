-- The ids of the objectives of each known plan ("O1", "O2"), as its latest plan event carried them: a progress note names
-- only objectives of the patient's current plan. Null for plans known only from events written before plan events carried
-- them (then a note's objective ids are accepted as given); empty when the plan has no objectives.
alter table known_plan add column objective_ids text[];
