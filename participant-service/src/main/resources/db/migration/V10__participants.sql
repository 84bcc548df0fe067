-- Participant registry: patients (with their identifiers, preferences and consents) and clinicians.

create table patient (
    id                  uuid primary key,
    given_name          text        not null,
    family_name         text        not null,
    birth_date          date        not null,
    gender              text,
    track               text        not null,
    level_of_care       text        not null,
    phone               text,
    email               text,
    admission_date      date,
    status              text        not null,
    discharged_on       date,
    discharge_reason    text,
    group_comfort       text,
    preferred_modality  text,
    considerations      text,
    preferred_days      text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null
);
create index patient_family_name on patient (lower(family_name));
create index patient_status_track on patient (status, track);

-- An identifier (system + value, e.g. an EHR's medical record number) names at most one patient.
create table patient_identifier (
    patient_id  uuid not null references patient (id) on delete cascade,
    system      text not null,
    value       text not null,
    constraint patient_identifier_unique unique (system, value)
);
create index patient_identifier_patient on patient_identifier (patient_id);

-- Every change of a patient's preferences: who, when, before and after.
create table preference_change (
    id                         uuid primary key,
    patient_id                 uuid        not null references patient (id),
    changed_at                 timestamptz not null,
    changed_by                 text,
    before_group_comfort       text,
    before_preferred_modality  text,
    before_considerations      text,
    before_preferred_days      text,
    after_group_comfort        text        not null,
    after_preferred_modality   text        not null,
    after_considerations       text,
    after_preferred_days       text
);
create index preference_change_patient on preference_change (patient_id, changed_at);

-- Consents; the status (active, revoked, expired) is derived at read time from revoked_at and expires_on.
create table consent (
    id             uuid primary key,
    patient_id     uuid        not null references patient (id),
    kind           text        not null,
    signed_on      date        not null,
    expires_on     date,
    recipient      text,
    purpose        text,
    granted_at     timestamptz not null,
    granted_by     text,
    revoked_at     timestamptz,
    revoked_by     text,
    revoke_reason  text,
    version        bigint      not null
);
create index consent_patient on consent (patient_id, granted_at);

create table clinician (
    id               uuid primary key,
    npi              text        not null,
    given_name       text        not null,
    family_name      text        not null,
    credentials      text,
    can_lead_groups  boolean     not null,
    max_caseload     integer,
    active           boolean     not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null,
    constraint clinician_npi_unique unique (npi)
);
create index clinician_family_name on clinician (lower(family_name));
