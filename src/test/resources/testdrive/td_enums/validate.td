> SELECT m::text, p FROM td_enums
sad 1
happy 2
> SELECT enum_range(NULL::td_enums_mood)::text
{sad,ok,happy}
