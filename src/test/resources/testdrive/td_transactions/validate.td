> SELECT a FROM td_transactions
1
3
