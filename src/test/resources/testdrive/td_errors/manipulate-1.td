! INSERT INTO td_errors VALUES (1)
exact:duplicate key value violates unique constraint "td_errors_pkey"
