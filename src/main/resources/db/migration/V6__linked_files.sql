-- Files a message links to instead of attaching them (Tencent Exmail's 文件中转站 for files over 50 MB):
-- the link expires after about 30 days, so the archive downloads the file and keeps it beside the message,
-- content-addressed under files/. One row per message (by content hash) and link.
-- Portable SQL: runs unchanged on H2 (the embedded default) and PostgreSQL.

-- id: SHA-256 of message_hash, a line feed and url.
-- sent_at: the message's Date (null when it has none): a link over 31 days old has expired.
-- status: PENDING (to download; attempts and problem tell how earlier tries went), STORED (file_hash names
-- the file), GONE (will not be downloaded: problem says why).
CREATE TABLE archive_linked_file (
    id           VARCHAR(64)              NOT NULL,
    message_hash VARCHAR(64)              NOT NULL,
    url          VARCHAR(2048)            NOT NULL,
    name         VARCHAR(1000)            NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    file_hash    VARCHAR(64),
    size_bytes   BIGINT                   NOT NULL,
    attempts     INTEGER                  NOT NULL,
    next_attempt TIMESTAMP WITH TIME ZONE NOT NULL,
    problem      VARCHAR(2000)            NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE,
    found_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_archive_linked_file PRIMARY KEY (id)
);
CREATE INDEX ix_archive_linked_file_message ON archive_linked_file (message_hash);
CREATE INDEX ix_archive_linked_file_due ON archive_linked_file (status, next_attempt);
