> INSERT INTO td_timeout_mid VALUES (2)
$ set-sql-timeout duration=2m
> SELECT count(*) FROM td_timeout_mid
2
