-- Rosters and presence subscriptions (RFC 6121). One row per account and contact; a row that is
-- not listed only keeps a contact's unanswered subscription request (3.1.3: not on the roster).
-- Column sizes keep the primary key within MariaDB's 3072-byte index limit in utf8mb4.
create table roster_items (
    domain       varchar(255)  not null,
    username     varchar(255)  not null,
    contact      varchar(255)  not null,
    name         varchar(1023),
    subscription varchar(4)    not null default 'none',
    -- pending out: the user asked for the contact's presence (ask='subscribe')
    ask          boolean       not null default false,
    -- pending in: the contact asked for the user's presence; the request is delivered again at each login
    pending_in   boolean       not null default false,
    request      text,
    -- pre-approval (RFC 6121 3.4)
    approved     boolean       not null default false,
    listed       boolean       not null default true,
    primary key (domain, username, contact),
    foreign key (domain, username) references accounts (domain, username) on delete cascade,
    check (subscription in ('none', 'to', 'from', 'both'))
);

create table roster_groups (
    domain     varchar(255)  not null,
    username   varchar(255)  not null,
    contact    varchar(255)  not null,
    group_name varchar(1023) not null,
    foreign key (domain, username, contact) references roster_items (domain, username, contact) on delete cascade
);

create index roster_groups_item on roster_groups (domain, username, contact);

-- Roster versioning (XEP-0237, RFC 6121 2.6): bumped with every change the user would see.
create table roster_versions (
    domain   varchar(255) not null,
    username varchar(255) not null,
    version  bigint       not null,
    primary key (domain, username),
    foreign key (domain, username) references accounts (domain, username) on delete cascade
);
