> BEGIN
> INSERT INTO td_transactions VALUES (2)
! SELECT 1 / 0
contains:division by zero
> ROLLBACK
