-- A versioned row for the idempotency tests: the answer of a change must carry the version its commit produces.
create table test_counter (
    id       uuid primary key,
    value    int    not null,
    version  bigint not null
);
