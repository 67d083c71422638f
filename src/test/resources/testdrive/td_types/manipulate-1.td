> INSERT INTO td_types VALUES (-2.25, 'NaN', false, '[]', '{}', '2020-01-01 00:00:00+00')
