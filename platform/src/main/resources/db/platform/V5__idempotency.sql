-- Idempotency keys (issue 19): a POST that carries an Idempotency-Key stores its first answer here, per caller
-- (token subject + client identity) and key, for iop.idempotency.retention (24 h by default).
--  * A request claims its key with a RUNNING row in a short transaction of its own (the primary key makes a
--    concurrent repeat wait for nothing: it gets 409); claim_id names that claim.
--  * The transaction that commits the change also turns the row COMPLETED with the answer (status, the headers
--    that matter, body): a retry after a crash between that commit and the answer replays it.
--  * A claim whose request died before committing is taken over by a retry once lease_until has passed; the
--    request that ran too long then fails to record its answer (its claim_id is gone) and rolls back.
--  * IdempotencyPurge deletes rows once expires_at has passed.
-- The answer holds patient data: it is kept with the same protection as the records, and only until it expires.
create table idempotency_key (
    subject      text        not null,
    client       text        not null,
    idem_key     text        not null,
    fingerprint  bytea       not null,   -- sha-256 of method, path, query and body
    claim_id     uuid        not null,
    state        text        not null check (state in ('RUNNING', 'COMPLETED')),
    lease_until  timestamptz not null,
    expires_at   timestamptz not null,
    created_at   timestamptz not null,
    status       integer,
    headers      text,                   -- JSON object: Location, ETag, ... of the first answer
    media_type   text,
    body         text,
    changes      text,                   -- JSON array of the audited changes: a replay is audited against them
    disclosed    boolean     not null default false,  -- the first answer disclosed Part 2 records (a replay needs the consent still)
    primary key (subject, client, idem_key)
);
create index idempotency_key_expiry on idempotency_key (expires_at);

-- V3 gives the application role DML on tables created later; said here too, as this table depends on it.
grant select, insert, update, delete on idempotency_key to ${app_role};
