-- Platform tables every service has. Versions 1-9 belong to the platform; service migrations start at 10.

-- Transactional outbox: written in the same transaction as the state change, published by OutboxRelay.
create table outbox (
    id            bigserial primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    aggregate_id  text        not null,
    type          text        not null,
    subject       text,
    occurred_at   timestamptz not null,
    request_id    text,
    traceparent   text,
    payload       text        not null
);

-- Idempotent consumers: an event id is recorded in the same transaction as its side effect.
create table processed_event (
    consumer      text        not null,
    event_id      text        not null,
    processed_at  timestamptz not null,
    primary key (consumer, event_id)
);

-- Audit trail of patient-data access. Append-only: updates and deletes are refused by trigger.
create table audit_event (
    id             bigserial primary key,
    occurred_at    timestamptz not null,
    subject        text,
    roles          text,
    action         text        not null,
    resource_type  text        not null,
    resource_id    text,
    patient_id     uuid,
    outcome        text        not null,
    request_id     text
);
create index audit_event_patient_time on audit_event (patient_id, occurred_at);
create index audit_event_time on audit_event (occurred_at);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
