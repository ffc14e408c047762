-- Private XML storage (XEP-0049): per account, one item per root element (namespace, name),
-- with its size in bytes so an account's total is checked with one sum.
create table private_storage (
    domain    varchar(255)  not null,
    username  varchar(255)  not null,
    namespace varchar(1023) not null,
    name      varchar(255)  not null,
    xml       text          not null,
    size      integer       not null,
    primary key (domain, username, namespace, name),
    foreign key (domain, username) references accounts (domain, username) on delete cascade
);
