> CREATE TABLE td_transactions (a int)
> BEGIN
> INSERT INTO td_transactions VALUES (1)
> COMMIT
> BEGIN
> INSERT INTO td_transactions VALUES (99)
> ROLLBACK
