> SELECT max(at) - min(at) >= interval '1 second' FROM td_sleep
true
