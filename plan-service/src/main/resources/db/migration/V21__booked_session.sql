-- Read model of the patients' bookings (booking events on iop.sessions): the sessions a patient is
-- booked into, so the weekly dose counts scheduled hours before they are held and attended.
create table booked_session (
    session_id     uuid        not null,
    patient_id     uuid        not null,
    modality       text        not null,   -- INDIVIDUAL, GROUP, FAMILY
    status         text        not null,   -- BOOKED, WAITLISTED, CANCELLED
    session_start  timestamptz not null,
    session_end    timestamptz not null,
    primary key (session_id, patient_id)
);
create index booked_session_patient on booked_session (patient_id, session_start);
