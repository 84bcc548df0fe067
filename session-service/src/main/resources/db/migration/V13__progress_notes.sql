-- Progress notes (session-service README, "Progress notes"): one per patient per session, plus one group narrative per
-- group session; drafted, signed by the session's clinician (co-signed when the signer's credentials need it), locked;
-- corrected by addenda; never deleted (entered-in-error keeps the text for the audit).
create table progress_note (
    id                       uuid primary key,
    session_id               uuid        not null references therapy_session (id),
    patient_id               uuid,
    kind                     text        not null check (kind in ('PATIENT', 'GROUP_NARRATIVE')),
    format                   text        not null check (format in ('DAP', 'BIRP')),
    -- DAP uses data, assessment, plan; BIRP behaviour, intervention, response, plan
    data                     text,
    assessment               text,
    behaviour                text,
    intervention             text,
    response                 text,
    plan                     text        not null,
    objective_ids            text[]      not null default '{}',
    status                   text        not null check (status in ('DRAFT', 'AWAITING_COSIGNATURE', 'LOCKED', 'ENTERED_IN_ERROR')),
    author_subject           text        not null,
    author_clinician_id      uuid,
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    signed_by                uuid,
    signed_at                timestamptz,
    signer_credentials       text[],
    cosigned_by              uuid,
    cosigned_at              timestamptz,
    cosigner_credentials     text[],
    locked_at                timestamptz,
    entered_in_error_at      timestamptz,
    entered_in_error_by      text,
    entered_in_error_reason  text,
    status_before_error      text,
    version                  bigint      not null,
    check ((kind = 'GROUP_NARRATIVE') = (patient_id is null)),
    check (format = 'DAP' and data is not null and assessment is not null
        or format = 'BIRP' and behaviour is not null and intervention is not null and response is not null)
);
-- One note per patient per session and one narrative per session; a note entered in error makes room for its replacement.
create unique index progress_note_one_per_patient on progress_note (session_id, patient_id)
    where kind = 'PATIENT' and status <> 'ENTERED_IN_ERROR';
create unique index progress_note_one_narrative on progress_note (session_id)
    where kind = 'GROUP_NARRATIVE' and status <> 'ENTERED_IN_ERROR';
-- The notes not yet fully signed (the overdue lists).
create index progress_note_open on progress_note (session_id) where status in ('DRAFT', 'AWAITING_COSIGNATURE');

create table progress_note_addendum (
    id                    uuid primary key,
    note_id               uuid        not null references progress_note (id),
    number                int         not null check (number > 0),
    text                  text        not null,
    status                text        not null check (status in ('AWAITING_SIGNATURE', 'AWAITING_COSIGNATURE', 'SIGNED')),
    author_subject        text        not null,
    author_clinician_id   uuid        not null,
    created_at            timestamptz not null,
    signed_at             timestamptz,
    signer_credentials    text[],
    cosigned_by           uuid,
    cosigned_at           timestamptz,
    cosigner_credentials  text[],
    version               bigint      not null,
    constraint progress_note_addendum_number unique (note_id, number)
);

-- Sessions by end (the overdue lists look for sessions that ended before the deadline).
create index therapy_session_end on therapy_session (end_at) where status = 'fulfilled';

-- Read models: the credentials of each clinician (whether a signature needs a co-signature) and the keyed fingerprints
-- of each patient's names and identifiers (a note must not name another member of its session; never the names).
alter table known_clinician add column credentials text[];
alter table known_patient add column name_fingerprints text[];

-- Nothing of a note is ever deleted: a wrong note is marked entered-in-error, a correction is an addendum.
create function refuse_progress_note_delete() returns trigger language plpgsql as $$
begin
    raise exception 'progress notes and addenda are never deleted (mark the note entered-in-error)';
end
$$;
create trigger progress_note_no_delete before delete or truncate on progress_note
    for each statement execute function refuse_progress_note_delete();
create trigger progress_note_addendum_no_delete before delete or truncate on progress_note_addendum
    for each statement execute function refuse_progress_note_delete();
