> GRANT INSERT ON td_roles TO td_roles_alice
$ postgres-execute connection=postgres://td_roles_alice:alice-secret@${testdrive.materialize-sql-addr}
INSERT INTO td_roles VALUES (2)
