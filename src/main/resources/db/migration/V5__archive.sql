-- The archive's catalog (io.mailwarden.archive): where each archived message lives, one row per
-- location, and how far archiving got in each folder. The raw bytes are files named by content_hash
-- under messages/; the Lucene index is rebuilt from these rows and those files.
-- Portable SQL: runs unchanged on H2 (the embedded default) and PostgreSQL.

-- id is the search index's document id (derived from the location, so archiving twice is harmless).
-- uid is 0 while a rule has moved the message here and the folder has not been read since.
-- status: PRESENT; MOVED (a rule moved it elsewhere); DELETED (gone from the server, kept here).
-- flags and rules are space- and newline-separated lists.
CREATE TABLE archive_location (
    id           VARCHAR(64)              NOT NULL,
    account      VARCHAR(320)             NOT NULL,
    folder       VARCHAR(512)             NOT NULL,
    uidvalidity  BIGINT                   NOT NULL,
    uid          BIGINT                   NOT NULL,
    content_hash VARCHAR(64)              NOT NULL,
    message_id   VARCHAR(998)             NOT NULL,
    size_bytes   BIGINT                   NOT NULL,
    internal_date TIMESTAMP WITH TIME ZONE,
    flags        VARCHAR(1000)            NOT NULL,
    rules        VARCHAR(2000)            NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    archived_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_archive_location PRIMARY KEY (id)
);
CREATE INDEX ix_archive_location_place ON archive_location (account, folder, uidvalidity, uid);
CREATE INDEX ix_archive_location_hash ON archive_location (content_hash);

-- Every message up to last_uid under uidvalidity has been archived (or was already).
CREATE TABLE archive_progress (
    account      VARCHAR(320)             NOT NULL,
    folder       VARCHAR(512)             NOT NULL,
    uidvalidity  BIGINT                   NOT NULL,
    last_uid     BIGINT                   NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_archive_progress PRIMARY KEY (account, folder)
);
