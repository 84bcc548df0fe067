create table note (
    id          uuid primary key,
    patient_id  uuid not null,
    text        text not null,
    version     bigint not null
);
create table note_projection (
    id            uuid primary key,
    text          text not null,
    applied_count int  not null
);
