> SELECT a FROM td_roles
1
2
> SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'td_roles_alice' AND table_name = 'td_roles'
INSERT
SELECT
