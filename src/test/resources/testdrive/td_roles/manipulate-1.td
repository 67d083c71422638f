$ postgres-execute connection=postgres://td_roles_alice:alice-secret@${testdrive.materialize-sql-addr}
SELECT a FROM td_roles
