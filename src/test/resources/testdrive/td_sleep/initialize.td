> CREATE TABLE td_sleep (at timestamptz)
> INSERT INTO td_sleep VALUES (clock_timestamp())
# the second row must be written at least a second after the first
$ sleep-is-probably-flaky-i-have-justified-my-need-with-a-comment duration=1s
> INSERT INTO td_sleep VALUES (clock_timestamp())
