$ set-sql-timeout duration=60s
> INSERT INTO td_timeout_check VALUES (2)
