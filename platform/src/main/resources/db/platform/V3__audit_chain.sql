-- The audit trail as evidence (issue 18, section 4):
--  * two roles: these migrations run as the database owner; the service connects as the application
--    role (Flyway placeholder app_role), which may read and append audit rows and seal them, nothing else;
--  * TRUNCATE is refused as UPDATE and DELETE are;
--  * a hash chain: every row is sealed after its commit (audit_seal, called by AuditSealer) with
--    chain_seq = previous link + 1, prev_hash = hash of the previous link and
--    hash = sha256(prev_hash || canonical row); audit_verify walks the chain and names the first broken link.
-- Columns added to audit_event later must be nullable without a default (the canonical row leaves out null
-- columns, so the rows sealed before the column existed keep their hashes) and of a type with equality
-- (jsonb, not json: audit_event_seal_only compares rows).

do $$
begin
    if not exists (select from pg_roles where rolname = '${app_role}') then
        raise exception 'The application role "${app_role}" (Flyway placeholder app_role) does not exist. Create it '
            '(LOGIN, with a password) before the first start, and run the migrations as the database owner: docs/operations.md, "Audit trail".';
    end if;
    if '${app_role}' = current_user then
        raise exception 'The migrations run as the application role "${app_role}": run them as the database owner '
            '(quarkus.flyway.username/password) and give the service the application role (quarkus.datasource.username/password).';
    end if;
end
$$;

-- ---------------------------------------------------------------- the chain
alter table audit_event
    add column chain_seq bigint,
    add column prev_hash bytea,
    add column hash      bytea,
    add constraint audit_event_chain_seq unique (chain_seq);
-- the sealer's queue: rows not sealed yet, in id order
create index audit_event_unsealed on audit_event (id) where chain_seq is null;

-- The bytes a row's hash covers: its columns as jsonb text (keys sorted, a deterministic form) without
-- the chain columns and without null columns; timestamps in UTC whatever the session's time zone.
create function audit_event_canonical(a audit_event) returns bytea
    language sql stable
    set timezone to 'UTC'
as $$
    select convert_to(jsonb_strip_nulls(to_jsonb(a) - 'chain_seq' - 'prev_hash' - 'hash')::text, 'UTF8')
$$;

-- Seals up to max_rows committed, unsealed rows in id order, each chained to the one before; returns how
-- many. One sealer per database at a time (a transaction-scoped advisory lock): another caller gets 0 at once.
create function audit_seal(max_rows integer) returns integer
    language plpgsql
    set timezone to 'UTC'
as $$
declare
    head_seq  bigint;
    head_hash bytea;
    r         audit_event;
    sealed    integer := 0;
begin
    if not pg_try_advisory_xact_lock(7310411733001) then
        return 0;
    end if;
    select a.chain_seq, a.hash into head_seq, head_hash
      from audit_event a where a.chain_seq is not null order by a.chain_seq desc limit 1;
    if head_seq is null then
        head_seq := 0;
        head_hash := ''::bytea;
    end if;
    for r in select * from audit_event a
              where a.chain_seq is null and a.prev_hash is null and a.hash is null
              order by a.id limit max_rows loop
        head_seq := head_seq + 1;
        r.chain_seq := head_seq;
        r.prev_hash := head_hash;
        r.hash := sha256(head_hash || audit_event_canonical(r));
        update audit_event set chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash where id = r.id;
        head_hash := r.hash;
        sealed := sealed + 1;
    end loop;
    return sealed;
end
$$;

-- Walks the whole chain in chain_seq order, recomputes every hash and reports the first broken link:
-- LINK_MISSING (a link's row was deleted or unsealed), SEAL_REMOVED (chain columns emptied),
-- PREV_HASH_MISMATCH (prev_hash is not the hash of the link before: rows rechained or reordered),
-- CONTENT_CHANGED (the row no longer matches its hash), ANCHOR_MISMATCH / ANCHOR_MISSING (the link
-- anchored outside the database has another hash / is gone: rows rewritten or deleted at the end).
create function audit_verify(anchor_seq bigint default null, anchor_hash bytea default null)
    returns table (valid boolean, sealed_rows bigint, unsealed_rows bigint, head_seq bigint, head_hash bytea,
                   broken_seq bigint, broken_id bigint, problem text, detail text)
    language plpgsql stable
    set timezone to 'UTC'
as $$
declare
    r            record;
    expected_seq bigint := 1;
    prev         bytea := ''::bytea;
    anchor_seen  boolean := anchor_seq is null;
begin
    valid := true;
    sealed_rows := 0;
    select count(*) into unsealed_rows from audit_event a where a.chain_seq is null;
    for r in select a.id, a.chain_seq, a.prev_hash, a.hash,
                    sha256(coalesce(a.prev_hash, ''::bytea) || audit_event_canonical(a)) as recomputed
               from audit_event a where a.chain_seq is not null order by a.chain_seq loop
        sealed_rows := sealed_rows + 1;
        if valid then
            if r.chain_seq <> expected_seq then
                valid := false;
                broken_seq := expected_seq;
                problem := 'LINK_MISSING';
                detail := case when r.chain_seq = expected_seq + 1
                               then format('Link %s is missing (its row was deleted or unsealed); link %s (audit id %s) follows link %s.',
                                           expected_seq, r.chain_seq, r.id, expected_seq - 1)
                               else format('Links %s to %s are missing (their rows were deleted or unsealed); link %s (audit id %s) follows link %s.',
                                           expected_seq, r.chain_seq - 1, r.chain_seq, r.id, expected_seq - 1) end;
            elsif r.prev_hash is null or r.hash is null then
                valid := false;
                broken_seq := r.chain_seq;
                broken_id := r.id;
                problem := 'SEAL_REMOVED';
                detail := 'The row has a chain_seq but its prev_hash or hash was removed.';
            elsif r.prev_hash <> prev then
                valid := false;
                broken_seq := r.chain_seq;
                broken_id := r.id;
                problem := 'PREV_HASH_MISMATCH';
                detail := format('prev_hash is not the hash of link %s: rows were rechained, reordered or replaced.', r.chain_seq - 1);
            elsif r.hash <> r.recomputed then
                valid := false;
                broken_seq := r.chain_seq;
                broken_id := r.id;
                problem := 'CONTENT_CHANGED';
                detail := 'The row no longer matches its hash: a column was changed after it was sealed.';
            elsif r.chain_seq = anchor_seq and r.hash <> anchor_hash then
                valid := false;
                broken_seq := r.chain_seq;
                broken_id := r.id;
                problem := 'ANCHOR_MISMATCH';
                detail := 'The anchored link has another hash now: the chain was rewritten up to here.';
            end if;
        end if;
        if r.chain_seq = anchor_seq then
            anchor_seen := true;
        end if;
        prev := r.hash;
        expected_seq := r.chain_seq + 1;
        head_seq := r.chain_seq;
        head_hash := r.hash;
    end loop;
    if valid and not anchor_seen then
        valid := false;
        broken_seq := anchor_seq;
        problem := 'ANCHOR_MISSING';
        detail := format('The chain ends at link %s, before the anchored link %s: rows were deleted at its end.',
                         coalesce(head_seq, 0), anchor_seq);
    end if;
    return next;
end
$$;

-- ---------------------------------------------------------------- append-only, enforced for everyone
create function audit_event_insert_unsealed() returns trigger
    language plpgsql
as $$
begin
    if new.chain_seq is not null or new.prev_hash is not null or new.hash is not null then
        raise exception 'audit_event is append-only: a new row is sealed by audit_seal, not by its writer';
    end if;
    return new;
end
$$;

-- An update may only seal an unsealed row, once, setting its three chain columns and nothing else. Whether
-- the hashes are right is not checked here (it would double the sealer's cost): a wrong seal, by anyone,
-- is a broken link that audit_verify reports.
create function audit_event_seal_only() returns trigger
    language plpgsql
as $$
declare
    unchanged audit_event := new;
begin
    if old.chain_seq is not null or old.prev_hash is not null or old.hash is not null then
        raise exception 'audit_event is append-only: row % is sealed', old.id;
    end if;
    if new.chain_seq is null or new.prev_hash is null or new.hash is null then
        raise exception 'audit_event is append-only: a seal sets chain_seq, prev_hash and hash together';
    end if;
    unchanged.chain_seq := null;
    unchanged.prev_hash := null;
    unchanged.hash := null;
    if unchanged is distinct from old then
        raise exception 'audit_event is append-only: sealing may set chain_seq, prev_hash and hash, nothing else';
    end if;
    return new;
end
$$;

drop trigger audit_event_no_update on audit_event;
create trigger audit_event_unsealed_insert before insert on audit_event
    for each row execute function audit_event_insert_unsealed();
create trigger audit_event_seal_only before update on audit_event
    for each row execute function audit_event_seal_only();
create trigger audit_event_no_delete before delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();

-- ---------------------------------------------------------------- what the application role may do
grant usage on schema public to ${app_role};
grant select, insert, update, delete on all tables in schema public to ${app_role};
grant usage, select on all sequences in schema public to ${app_role};
-- tables and sequences the owner creates later (service migrations V10+, later platform ones) too
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};
-- the audit trail: read, append, seal (the three chain columns, checked by audit_event_seal_only)
revoke update, delete, truncate, references, trigger on audit_event from ${app_role};
grant update (chain_seq, prev_hash, hash) on audit_event to ${app_role};
-- the migration history is the owner's
revoke all on ${flyway:table} from ${app_role};

revoke execute on function audit_seal(integer), audit_verify(bigint, bytea) from public;
grant execute on function audit_seal(integer), audit_verify(bigint, bytea) to ${app_role};
