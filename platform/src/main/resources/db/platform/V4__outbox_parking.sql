-- Outbox rows the broker refused for good (too large, invalid topic name, not authorized): OutboxRelay moves
-- such a row here, with the error, in the transaction that deletes it from outbox, so the events after it
-- still go out. Rows stay until an operator requeues or discards them (docs/operations.md, "Parked events").
-- The payload is patient data, kept with the same protection as the outbox.
create table outbox_parked (
    event_id      uuid        primary key,
    outbox_id     bigint      not null,
    topic         text        not null,
    aggregate_id  text        not null,
    type          text        not null,
    subject       text,
    occurred_at   timestamptz not null,
    request_id    text,
    traceparent   text,
    payload       text        not null,
    parked_at     timestamptz not null,
    error_class   text        not null,
    error_message text
);
