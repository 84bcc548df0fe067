#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is empty (docker-entrypoint-initdb.d): one database and one
# owner role per service. A service's role can connect only to its own database.
set -euo pipefail

create() {
  local role=$1 database=$2 password=$3
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$role" -v database="$database" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}

create participant iop_participant "${IOP_PARTICIPANT_DB_PASSWORD:?}"
create plan        iop_plan        "${IOP_PLAN_DB_PASSWORD:?}"
create session     iop_session     "${IOP_SESSION_DB_PASSWORD:?}"
