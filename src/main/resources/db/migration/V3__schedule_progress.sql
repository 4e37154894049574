-- Where each scheduled rule's run is in each folder, so that a run stopped by a crash or a stop goes on
-- from there. last_uid: every message up to it under uidvalidity was evaluated in the run that began at
-- run_started; finished_at is set when the run walked the whole folder (the next run starts afresh).
-- Portable SQL: runs unchanged on H2 and PostgreSQL.
CREATE TABLE schedule_progress (
    rule         VARCHAR(200)             NOT NULL,
    account      VARCHAR(320)             NOT NULL,
    folder       VARCHAR(512)             NOT NULL,
    uidvalidity  BIGINT                   NOT NULL,
    last_uid     BIGINT                   NOT NULL,
    run_started  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_schedule_progress PRIMARY KEY (rule, account, folder)
);
