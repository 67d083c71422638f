> ALTER TYPE td_enums_mood ADD VALUE 'happy'
