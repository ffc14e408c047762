-- Accounts of the XMPP gateway. Passwords are never stored: only SCRAM keys per hash,
-- as "iterations,salt,storedKey,serverKey" (base64), which also check PLAIN.
create table accounts (
    domain       varchar(255) not null,
    username     varchar(255) not null,
    scram_sha1   varchar(255) not null,
    scram_sha256 varchar(255) not null,
    disabled     boolean      not null default false,
    created_at   timestamp    not null default current_timestamp,
    primary key (domain, username)
);
