-- db/domains/V1__domains.sql for MariaDB and MySQL (the pool's "mysql" driver). Binary
-- collation: names are canonical already, and two names that differ only by an accent or a
-- case are two domains, as in PostgreSQL.
create table domain_settings (
    id        bigint       not null auto_increment primary key,
    domain    varchar(253) not null unique,
    host_type varchar(64)  not null,
    enabled   boolean      not null default true
) character set utf8mb4 collate utf8mb4_bin;

create index domain_settings_host_type on domain_settings (host_type, id);

create table domain_events (
    id     bigint       not null auto_increment primary key,
    domain varchar(253) not null,
    time   timestamp(6) not null default current_timestamp(6)
) character set utf8mb4 collate utf8mb4_bin;

create index domain_events_time on domain_events (time);
