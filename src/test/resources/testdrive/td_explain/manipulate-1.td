> INSERT INTO td_explain SELECT g, 'v' || g FROM generate_series(1, 10) g
