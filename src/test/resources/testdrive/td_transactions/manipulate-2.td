> INSERT INTO td_transactions VALUES (3)
