$ set-sql-timeout duration=default
> UPDATE td_timeout_mid SET a = a * 10
