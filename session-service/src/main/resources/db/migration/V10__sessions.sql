-- Sessions, series, bookings and attendance. Overlaps (clinician, room, patient) are refused by
-- exclusion constraints, so concurrent requests cannot double-book anyone.
create extension if not exists btree_gist;

create table session_series (
    id                uuid primary key,
    type              text        not null check (type in ('INDIVIDUAL', 'GROUP', 'FAMILY')),
    clinician_id      uuid        not null,
    patient_id        uuid,
    days_of_week      text        not null,
    local_start_time  time        not null,
    duration_minutes  int         not null,
    from_date         date        not null,
    until_date        date,
    occurrence_count  int,
    time_zone         text        not null,
    topic             text,
    capacity          int         not null,
    location          text        not null,
    version           bigint      not null,
    created_at        timestamptz not null
);

create table therapy_session (
    id             uuid primary key,
    series_id      uuid references session_series (id),
    type           text        not null check (type in ('INDIVIDUAL', 'GROUP', 'FAMILY')),
    clinician_id   uuid        not null,
    patient_id     uuid,
    start_at       timestamptz not null,
    end_at         timestamptz not null,
    topic          text,
    capacity       int         not null check (capacity > 0),
    location       text        not null,
    room           text,
    status         text        not null check (status in ('booked', 'cancelled', 'fulfilled')),
    cancel_reason  text,
    group_note     text,
    version        bigint      not null,
    created_at     timestamptz not null,
    check (end_at > start_at),
    constraint session_clinician_no_overlap exclude using gist
        (clinician_id with =, tstzrange(start_at, end_at) with &&) where (status <> 'cancelled'),
    constraint session_room_no_overlap exclude using gist
        (room with =, tstzrange(start_at, end_at) with &&) where (status <> 'cancelled' and room is not null)
);
create index therapy_session_start on therapy_session (start_at);
create index therapy_session_series on therapy_session (series_id, start_at);

create sequence booking_waitlist_seq;

-- start_at/end_at copy the session's times so that a patient's overlapping bookings are refused by the database.
create table booking (
    id                 uuid primary key,
    session_id         uuid        not null references therapy_session (id),
    patient_id         uuid        not null,
    status             text        not null check (status in ('BOOKED', 'WAITLISTED', 'CANCELLED')),
    start_at           timestamptz not null,
    end_at             timestamptz not null,
    waitlist_seq       bigint,
    requested_at       timestamptz not null,
    cancelled_at       timestamptz,
    late_cancellation  boolean     not null default false,
    cancel_reason      text,
    version            bigint      not null,
    constraint booking_once_per_session unique (session_id, patient_id),
    constraint booking_patient_no_overlap exclude using gist
        (patient_id with =, tstzrange(start_at, end_at) with &&) where (status in ('BOOKED', 'WAITLISTED'))
);
create index booking_patient on booking (patient_id, start_at);

create table attendance (
    id                uuid primary key,
    session_id        uuid        not null references therapy_session (id),
    patient_id        uuid        not null,
    status            text        not null,
    minutes_attended  int         not null,
    note              text,
    billing_code      text,
    recorded_at       timestamptz not null,
    recorded_by       text,
    constraint attendance_once unique (session_id, patient_id)
);

-- Read models fed only by iop.participants and iop.plans events.
create table known_patient (
    patient_id  uuid primary key,
    status      text,
    version     bigint not null
);

create table known_patient_consent (
    id          bigserial primary key,
    consent_id  uuid,
    patient_id  uuid not null references known_patient (patient_id),
    kind        text not null,
    expires_on  date
);
create index known_patient_consent_patient on known_patient_consent (patient_id);

create table known_clinician (
    clinician_id     uuid primary key,
    display_name     text,
    can_lead_groups  boolean not null,
    active           boolean not null,
    version          bigint  not null
);

create table known_plan (
    plan_id                       uuid primary key,
    patient_id                    uuid    not null,
    status                        text    not null,
    individual_sessions_per_week  int     not null,
    individual_session_minutes    int     not null,
    group_hours_per_week          double precision not null,
    family_sessions_per_week      int     not null,
    version                       bigint  not null,
    updated_at                    timestamptz not null
);
create index known_plan_patient on known_plan (patient_id, status);
