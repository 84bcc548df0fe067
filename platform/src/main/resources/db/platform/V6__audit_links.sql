-- The audit chain in a table of its own (issue 18, the cost of V3 measured in docs/performance-log.md, 2026-12-07).
-- V3 sealed a row by UPDATING it (three chain columns): PostgreSQL wrote every audit row twice, with all five of
-- its index entries twice, and hashed a jsonb form of it. Now:
--  * audit_event is written once and never updated again: no chain columns, no partial index, no row trigger;
--  * a statement trigger queues the ids of new rows in audit_unsealed (narrow, one index);
--  * audit_seal takes a batch from the queue in id order and appends one audit_link per row:
--    seq = previous link + 1, prev_hash = hash of the previous link, hash = sha256(prev_hash || canonical row);
--  * audit_link and audit_event refuse UPDATE, DELETE and TRUNCATE for everyone (the owner too, unless it drops the
--    triggers, which audit_verify then shows as broken links);
--  * audit_verify walks the links in seq order and names the first broken one.
-- The canonical form of a row is versioned per link (column form):
--  1 = the V3 form (jsonb of the row without nulls), kept for the links sealed before this migration;
--  2 = the row's columns in a fixed order as PostgreSQL's record text (an empty field is null, "" an empty string),
--      timestamps in UTC, ISO dates: about six times cheaper to compute than the jsonb form.
-- A column added to audit_event later is covered by a new form (3, listing it) used from then on; older links keep
-- theirs.

-- ---------------------------------------------------------------- the new tables
create table audit_link (
    seq       bigint   primary key,
    audit_id  bigint   not null,
    form      smallint not null,
    prev_hash bytea    not null,
    hash      bytea    not null
);
-- the sealer's queue: ids of audit rows not sealed yet
create table audit_unsealed (
    id bigint primary key
);

-- ---------------------------------------------------------------- the chain sealed so far moves over
insert into audit_link (seq, audit_id, form, prev_hash, hash)
    select chain_seq, id, 1, coalesce(prev_hash, ''::bytea), coalesce(hash, ''::bytea)
      from audit_event where chain_seq is not null;
insert into audit_unsealed (id) select id from audit_event where chain_seq is null;

drop trigger audit_event_unsealed_insert on audit_event;
drop trigger audit_event_seal_only on audit_event;
drop function audit_event_insert_unsealed();
drop function audit_event_seal_only();
drop index audit_event_unsealed;
alter table audit_event drop constraint audit_event_chain_seq;
alter table audit_event drop column chain_seq, drop column prev_hash, drop column hash;
create trigger audit_event_no_update before update on audit_event
    for each row execute function audit_event_append_only();

-- ---------------------------------------------------------------- queueing, append-only links
create function audit_event_enqueue() returns trigger
    language plpgsql
as $$
begin
    insert into audit_unsealed (id) select id from new_audit_rows;
    return null;
end
$$;
create trigger audit_event_enqueue after insert on audit_event
    referencing new table as new_audit_rows
    for each statement execute function audit_event_enqueue();

create function audit_link_append_only() returns trigger
    language plpgsql
as $$
begin
    raise exception 'audit_link is append-only';
end
$$;
create trigger audit_link_no_change before update or delete on audit_link
    for each row execute function audit_link_append_only();
create trigger audit_link_no_truncate before truncate on audit_link
    for each statement execute function audit_link_append_only();

-- ---------------------------------------------------------------- canonical form 2
create function audit_event_canonical_v2(a audit_event) returns bytea
    language sql stable
    set timezone to 'UTC'
    set datestyle to 'ISO, YMD'
as $$
    select convert_to(row(a.id, a.occurred_at, a.subject, a.roles, a.action, a.resource_type, a.resource_id, a.patient_id,
                          a.outcome, a.request_id, a.reason, a.recipient, a.consent_id)::text, 'UTF8')
$$;

create function audit_link_recompute(form smallint, prev_hash bytea, a audit_event) returns bytea
    language sql stable
as $$
    select case form when 1 then sha256(prev_hash || audit_event_canonical(a))
                     when 2 then sha256(prev_hash || audit_event_canonical_v2(a)) end
$$;

-- ---------------------------------------------------------------- sealing
-- Seals up to max_rows queued rows in id order, each chained to the link before; returns how many. One sealer per
-- database at a time (a transaction-scoped advisory lock): another caller gets 0 at once.
create or replace function audit_seal(max_rows integer) returns integer
    language plpgsql
as $$
declare
    head_seq  bigint;
    head_hash bytea;
    ids       bigint[];
    r         record;
    n         integer := 0;
    seqs      bigint[] := '{}';
    audits    bigint[] := '{}';
    prevs     bytea[] := '{}';
    hashes    bytea[] := '{}';
begin
    if not pg_try_advisory_xact_lock(7310411733001) then
        return 0;
    end if;
    with taken as (
        delete from audit_unsealed u
         where u.id in (select q.id from audit_unsealed q order by q.id limit max_rows)
        returning u.id)
    select array_agg(id) into ids from taken;
    if ids is null then
        return 0;
    end if;
    select l.seq, l.hash into head_seq, head_hash from audit_link l order by l.seq desc limit 1;
    if head_seq is null then
        head_seq := 0;
        head_hash := ''::bytea;
    end if;
    for r in select a.id, audit_event_canonical_v2(a) as canonical from audit_event a where a.id = any(ids) order by a.id loop
        n := n + 1;
        head_seq := head_seq + 1;
        seqs[n] := head_seq;
        audits[n] := r.id;
        prevs[n] := head_hash;
        head_hash := sha256(head_hash || r.canonical);
        hashes[n] := head_hash;
    end loop;
    insert into audit_link (seq, audit_id, form, prev_hash, hash)
        select s, a, 2, p, h from unnest(seqs, audits, prevs, hashes) as t(s, a, p, h);
    return n;
end
$$;

-- ---------------------------------------------------------------- verification
-- Walks the whole chain in seq order, recomputes every hash and reports the first broken link:
-- LINK_MISSING (links deleted: a gap in seq), ROW_MISSING (the audit row of a link was deleted),
-- PREV_HASH_MISMATCH (prev_hash is not the hash of the link before: links rechained or replaced),
-- CONTENT_CHANGED (the row no longer matches its hash), ANCHOR_MISMATCH / ANCHOR_MISSING (the link
-- anchored outside the database has another hash / is gone: rows rewritten or deleted at the end).
-- unsealed_rows counts the audit rows without a link (queued or not).
drop function audit_verify(bigint, bytea);
create function audit_verify(anchor_seq bigint default null, anchor_hash bytea default null)
    returns table (valid boolean, sealed_rows bigint, unsealed_rows bigint, head_seq bigint, head_hash bytea,
                   broken_seq bigint, broken_id bigint, problem text, detail text)
    language plpgsql stable
as $$
declare
    r            record;
    expected_seq bigint := 1;
    prev         bytea := ''::bytea;
    anchor_seen  boolean := anchor_seq is null;
begin
    valid := true;
    sealed_rows := 0;
    select count(*) into unsealed_rows from audit_event a where not exists (select from audit_link l where l.audit_id = a.id);
    for r in select l.seq, l.audit_id, l.prev_hash, l.hash, a.id is not null as row_present,
                    case when a.id is not null then audit_link_recompute(l.form, l.prev_hash, a) end as recomputed
               from audit_link l left join audit_event a on a.id = l.audit_id order by l.seq loop
        sealed_rows := sealed_rows + 1;
        if valid then
            if r.seq <> expected_seq then
                valid := false;
                broken_seq := expected_seq;
                problem := 'LINK_MISSING';
                detail := case when r.seq = expected_seq + 1
                               then format('Link %s is missing (it was deleted); link %s (audit id %s) follows link %s.',
                                           expected_seq, r.seq, r.audit_id, expected_seq - 1)
                               else format('Links %s to %s are missing (they were deleted); link %s (audit id %s) follows link %s.',
                                           expected_seq, r.seq - 1, r.seq, r.audit_id, expected_seq - 1) end;
            elsif not r.row_present then
                valid := false;
                broken_seq := r.seq;
                broken_id := r.audit_id;
                problem := 'ROW_MISSING';
                detail := format('The audit row of link %s (audit id %s) was deleted.', r.seq, r.audit_id);
            elsif r.prev_hash <> prev then
                valid := false;
                broken_seq := r.seq;
                broken_id := r.audit_id;
                problem := 'PREV_HASH_MISMATCH';
                detail := format('prev_hash is not the hash of link %s: links were rechained, reordered or replaced.', r.seq - 1);
            elsif r.recomputed is null or r.hash <> r.recomputed then
                valid := false;
                broken_seq := r.seq;
                broken_id := r.audit_id;
                problem := 'CONTENT_CHANGED';
                detail := 'The row no longer matches its hash: a column was changed after it was sealed.';
            elsif r.seq = anchor_seq and r.hash <> anchor_hash then
                valid := false;
                broken_seq := r.seq;
                broken_id := r.audit_id;
                problem := 'ANCHOR_MISMATCH';
                detail := 'The anchored link has another hash now: the chain was rewritten up to here.';
            end if;
        end if;
        if r.seq = anchor_seq then
            anchor_seen := true;
        end if;
        prev := r.hash;
        expected_seq := r.seq + 1;
        head_seq := r.seq;
        head_hash := r.hash;
    end loop;
    if valid and not anchor_seen then
        valid := false;
        broken_seq := anchor_seq;
        problem := 'ANCHOR_MISSING';
        detail := format('The chain ends at link %s, before the anchored link %s: links were deleted at its end.',
                         coalesce(head_seq, 0), anchor_seq);
    end if;
    return next;
end
$$;

-- ---------------------------------------------------------------- what the application role may do
-- audit_event: read and append (its UPDATE grant on the chain columns went with the columns); the chain: read and
-- append links, take ids off the queue (deleting a queue entry hides nothing: audit_verify counts every row without a
-- link as unsealed).
grant select, insert on audit_link to ${app_role};
revoke update, delete, truncate, references, trigger on audit_link from ${app_role};
grant select, insert, delete on audit_unsealed to ${app_role};
revoke update, truncate, references, trigger on audit_unsealed from ${app_role};
revoke execute on function audit_seal(integer), audit_verify(bigint, bytea) from public;
grant execute on function audit_seal(integer), audit_verify(bigint, bytea) to ${app_role};
