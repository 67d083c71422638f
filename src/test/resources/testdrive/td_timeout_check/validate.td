$ set-sql-timeout duration=60s
> SELECT sum(a) FROM td_timeout_check
6
