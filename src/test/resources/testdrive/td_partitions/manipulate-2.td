! INSERT INTO td_partitions VALUES (500, 'nowhere')
contains:no partition of relation "td_partitions" found for row
