> SELECT k, v FROM td_quoting
1 "a\tb"
2 "say \"hi\""
3 back\slash
4 "two\nlines"
5 "  padded  "
6 >sigil
> SELECT v FROM td_quoting WHERE k = 6
\>sigil
