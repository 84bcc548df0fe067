-- plan-service's read models of other services' data, fed only by events (never synchronous calls).

-- From iop.participants patient events (PatientState). active_consents: JSON array of
-- {"consentId","kind","expiresOn"} as of the event; expiry is evaluated when used.
create table known_patient (
    patient_id          uuid primary key,
    status              text        not null,
    track               text        not null,
    level_of_care       text,
    group_comfort       text,
    preferred_modality  text,
    active_consents     text        not null default '[]',
    discharged_on       date,
    version             bigint      not null,
    updated_at          timestamptz not null
);

-- From iop.participants clinician events (ClinicianState).
create table known_clinician (
    clinician_id     uuid primary key,
    display_name     text,
    can_lead_groups  boolean     not null,
    active           boolean     not null,
    version          bigint      not null,
    updated_at       timestamptz not null
);

-- From iop.sessions attendance events (AttendanceRecorded): one row per session and patient; a
-- corrected attendance replaces the rows of its session. Feeds the weekly dose and the outcomes.
create table attended_session (
    session_id     uuid        not null,
    patient_id     uuid        not null,
    modality       text        not null,   -- INDIVIDUAL, GROUP, FAMILY
    status         text        not null,   -- ATTENDED, LATE, LEFT_EARLY, ABSENT, EXCUSED, NO_SHOW
    minutes        int         not null,
    session_start  timestamptz not null,
    session_end    timestamptz not null,
    primary key (session_id, patient_id)
);
create index attended_session_patient on attended_session (patient_id, session_start);
