> INSERT INTO td_enums VALUES ('happy', 2)
! INSERT INTO td_enums VALUES ('ok', 0)
contains:violates check constraint
