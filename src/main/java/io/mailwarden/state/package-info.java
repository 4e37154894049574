/**
 * The daemon's state store: per account and folder, where it is (UID checkpoints), which messages it
 * has handled (so that a UIDVALIDITY change or a crash never makes it apply a plan twice), and an
 * append-only audit trail of every action taken.
 *
 * <p>Plain JDBC over the default Quarkus datasource (an embedded H2 file under the data directory
 * by default, PostgreSQL by configuration); the schema is versioned by Flyway migrations in
 * {@code db/migration} written in SQL that runs on both. Nothing here opens the database until it is
 * used: CLI subcommands that do not need state never create it. The daemon calls
 * {@link io.mailwarden.state.StateStore#migrate()} once at its start.
 */
package io.mailwarden.state;
