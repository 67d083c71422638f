> SELECT id, name, extra FROM td_header
id name extra
---
1 x 7
2 y 8
> SELECT count(*) AS total FROM td_header
total
---
2
