> SELECT a FROM td_timeout_mid
10
20
