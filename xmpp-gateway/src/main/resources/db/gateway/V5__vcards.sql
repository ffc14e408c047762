-- vCards (XEP-0054): one per account, the <vCard xmlns='vcard-temp'/> element as set.
create table vcards (
    domain     varchar(255) not null,
    username   varchar(255) not null,
    vcard      text         not null,
    updated_at timestamp    not null default current_timestamp,
    primary key (domain, username),
    foreign key (domain, username) references accounts (domain, username) on delete cascade
);
