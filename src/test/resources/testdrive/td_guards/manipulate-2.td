$ skip-if
SELECT mz_version_num() < 9900000
> INSERT INTO td_guards VALUES ('skipped')
