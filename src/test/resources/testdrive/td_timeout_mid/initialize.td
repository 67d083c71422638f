> CREATE TABLE td_timeout_mid (a int)
$ set-sql-timeout duration=45s
> INSERT INTO td_timeout_mid VALUES (1)
