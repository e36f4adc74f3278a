#!/usr/bin/env bash
# Runs once, as the image's bootstrap superuser, when the postgres data volume is empty
# (postgres image: /docker-entrypoint-initdb.d). A shell script rather than a .sql file because
# the passwords come from the environment and are handed to psql as variables, never written here.
#
# - kyogikai_owner: the owner connection (DATABASE_OWNER_URL) for migrations and operator commands.
#   A superuser on purpose: migration 0001 creates the BYPASSRLS role kyogikai_platform, and with
#   RLS forced a plain table owner would see no rows (packages/db/README.md, "The two roles").
# - the database: UTF-8 with C.UTF-8 ctype, or pg_trgm extracts no trigrams from Japanese
#   (STACK.md, Database row).
# - kyogikai_app: migration 0001 creates this role when it is missing, but its password cannot be
#   set before the role exists and the servers need it from their first start. So it is created
#   here with exactly the attributes the migration would give it; the migration then keeps it
#   ("an existing role keeps its attributes") and grants its privileges, and the servers'
#   assertSafeAppRole refuses it at boot should it ever be able to bypass RLS.
#
# Changing a password later: ALTER ROLE ... PASSWORD ... in psql, then update infra/.env.
: "${KYOGIKAI_OWNER_DB_PASSWORD:?KYOGIKAI_OWNER_DB_PASSWORD is not set (infra/.env)}"
: "${KYOGIKAI_APP_DB_PASSWORD:?KYOGIKAI_APP_DB_PASSWORD is not set (infra/.env)}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$KYOGIKAI_OWNER_DB_PASSWORD" \
  -v app_password="$KYOGIKAI_APP_DB_PASSWORD" <<'SQL'
CREATE ROLE kyogikai_owner LOGIN SUPERUSER PASSWORD :'owner_password';
CREATE DATABASE kyogikai OWNER kyogikai_owner
  ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0;
CREATE ROLE kyogikai_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION
  PASSWORD :'app_password';
SQL
