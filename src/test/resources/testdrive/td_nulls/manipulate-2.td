> UPDATE td_nulls SET v = NULL WHERE k = 3
