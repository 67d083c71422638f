$ postgres-execute connection=postgres://mz_system:materialize@${testdrive.materialize-internal-sql-addr}
CREATE ROLE td_roles_alice LOGIN PASSWORD 'alice-secret'
> CREATE TABLE td_roles (a int)
> INSERT INTO td_roles VALUES (1)
> GRANT SELECT ON td_roles TO td_roles_alice
