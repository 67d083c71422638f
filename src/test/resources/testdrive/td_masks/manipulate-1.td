$ set-regex match=\d{4}-\d\d-\d\d replacement=<DATE>
> SELECT id, at::date::text FROM td_masks
1 <DATE>
