$ set-sql-timeout duration=60s
> CREATE TABLE td_timeout_check (a int)
> INSERT INTO td_timeout_check VALUES (1)
