-- FHIR (docs/fhir-session.md): when each session and booking last changed (meta.lastUpdated and the _lastUpdated and
-- _since filters) and since when a booked patient holds its seat (Group.member.period). Triggers keep them, so every
-- path that writes the rows (entities, batches, revalidation after events) keeps them true without knowing of FHIR.
alter table therapy_session add column updated_at timestamptz;
alter table booking add column updated_at timestamptz;
alter table booking add column seated_at timestamptz;

update therapy_session set updated_at = created_at;
update booking set updated_at = coalesce(cancelled_at, requested_at);
-- Rows written before: a booked patient holds its seat since its request; a cancelled one held a seat only when the
-- cancellation was late (only a seat, not a waitlist place, is cancelled late); an earlier seat of others is not known.
update booking set seated_at = requested_at where status = 'BOOKED' or (status = 'CANCELLED' and late_cancellation);

alter table therapy_session alter column updated_at set not null;
alter table booking alter column updated_at set not null;

create function touch_therapy_session() returns trigger language plpgsql as $$
begin
    new.updated_at := now();
    return new;
end
$$;
create trigger therapy_session_touch before insert or update on therapy_session
    for each row execute function touch_therapy_session();

-- A booking takes its seat when it becomes BOOKED (placed or promoted from the waitlist); joining the waitlist (again)
-- clears it; a cancellation keeps it (the member's period ends at cancelled_at).
create function touch_booking() returns trigger language plpgsql as $$
begin
    new.updated_at := now();
    if new.status = 'BOOKED' then
        if tg_op = 'INSERT' or old.status <> 'BOOKED' then
            new.seated_at := now();
        end if;
    elsif new.status = 'WAITLISTED' then
        new.seated_at := null;
    end if;
    return new;
end
$$;
create trigger booking_touch before insert or update on booking
    for each row execute function touch_booking();

-- _lastUpdated searches and bulk export (_since) read by time of change.
create index booking_updated on booking (updated_at);
create index therapy_session_updated on therapy_session (updated_at);
