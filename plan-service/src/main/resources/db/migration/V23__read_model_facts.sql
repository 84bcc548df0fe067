-- Issue 20: the facts of the patient's episode and the clinician's credentials, from iop.participants events
-- (PatientState.birthDate / admissionDate / dischargeReasonCode, ClinicianState.credentials). Null until an
-- event that carries them arrives (events written before issue 20 carry none).
alter table known_patient add column birth_date date;
alter table known_patient add column admission_date date;
alter table known_patient add column discharge_reason_code text;
alter table known_clinician add column credentials text;   -- comma-separated, as participant-service keeps them
