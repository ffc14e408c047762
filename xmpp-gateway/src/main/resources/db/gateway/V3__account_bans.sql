-- Bans from the admin API: a banned account keeps its data but cannot log in
-- (accounts.disabled); the reason is kept for the operator.
alter table accounts add column ban_reason varchar(1024);
