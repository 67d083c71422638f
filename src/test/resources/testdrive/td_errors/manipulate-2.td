! SELECT 1 / 0
contains:division by zero
