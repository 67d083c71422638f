$ set-regex match=[0-9]+ replacement=<N>
> SELECT 'td_masks has oid ' || 'td_masks'::regclass::oid::text
"td_masks has oid <N>"
! SELECT * FROM td_masks_404_x
contains:relation "td_masks_<N>_x" does not exist
$ unset-regex
> SELECT count(*) FROM td_masks
2
