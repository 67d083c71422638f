$ postgres-connect name=writer url=postgres://materialize:materialize@${testdrive.materialize-sql-addr}
> BEGIN ISOLATION LEVEL REPEATABLE READ
> DECLARE td_c CURSOR FOR SELECT a FROM td_cursors ORDER BY a
> FETCH 1 td_c
1
$ postgres-execute connection=writer
INSERT INTO td_cursors VALUES (3)
> FETCH ALL td_c
2
> COMMIT
> SELECT count(*) FROM td_cursors
3
