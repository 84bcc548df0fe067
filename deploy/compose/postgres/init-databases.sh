#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is empty (docker-entrypoint-initdb.d): per service one database, its
# owner role (Flyway migrates as it) and an app role (the service works as it; the migrations grant it DML on
# the service's tables). Each role can connect only to its own service's database.
set -euo pipefail

create() {
  local owner=$1 database=$2 password=$3 app=$4 app_password=$5
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v owner="$owner" -v database="$database" -v password="$password" \
       -v app="$app" -v app_password="$app_password" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'password';
CREATE ROLE :"app" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"database" OWNER :"owner";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"database" TO :"app";
SQL
}

create participant iop_participant "${IOP_PARTICIPANT_DB_PASSWORD:?}" participant_app "${IOP_PARTICIPANT_DB_APP_PASSWORD:?}"
create plan        iop_plan        "${IOP_PLAN_DB_PASSWORD:?}"        plan_app        "${IOP_PLAN_DB_APP_PASSWORD:?}"
create session     iop_session     "${IOP_SESSION_DB_PASSWORD:?}"     session_app     "${IOP_SESSION_DB_APP_PASSWORD:?}"
