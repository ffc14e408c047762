-- The dynamic domains. domain-service is the only writer: every change of domain_settings
-- writes one row of domain_events in the same transaction, and followers (the gateway nodes)
-- read the events in id order. Domains are canonical (lower case, U-labels, no trailing dot).
create table domain_settings (
    id        bigserial    primary key,
    domain    varchar(253) not null unique,
    host_type varchar(64)  not null,
    enabled   boolean      not null default true
);

-- ListDomains by host type, paged by id.
create index domain_settings_host_type on domain_settings (host_type, id);

create table domain_events (
    id     bigserial                not null primary key,
    domain varchar(253)             not null,
    time   timestamp with time zone not null default current_timestamp
);

-- The retention cleanup.
create index domain_events_time on domain_events (time);
