-- The plan's structure (issue 20): problems -> goals -> objectives live in the existing JSON columns (problems, goals);
-- interventions get their own JSON column, and a proposal offered on an active plan (not applied) is kept beside it.
-- Plans stored before have '[]': plan-service derives their interventions from the modality mix when it reads them.

alter table care_plan add column interventions text not null default '[]';   -- JSON [{id, modality, description, sessionsPerWeek, minutesPerSession, durationWeeks, responsibleClinicianId, objectiveIds}]
alter table care_plan add column offered_proposal text;                      -- JSON {step, interventions, modality, stepUp, rationale, reason, offeredAt, patientVersion}
