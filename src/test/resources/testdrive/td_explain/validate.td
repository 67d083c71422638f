$ set-regex match=\(cost=[^)]*\) replacement=(cost=<masked>)
? SELECT td_explain_text('SELECT a FROM td_explain WHERE a > 5 ORDER BY a')
Sort  (cost=<masked>)
  Sort Key: a
  ->  Seq Scan on td_explain  (cost=<masked>)
        Filter: (a > 5)

> SELECT count(*) FROM td_explain
10
