/**
 * Archive work that commands hand to the running daemon. Whoever writes the archive holds the index's write
 * lock; while the daemon runs, that is the daemon, so {@code backfill}, {@code reindex} and {@code import}
 * write a request into {@code requests/} under the data directory ({@link io.mailwarden.daemon.request.RequestClient})
 * and the daemon runs it on its open archive ({@link io.mailwarden.daemon.request.RequestWatcher}): the same
 * {@link io.mailwarden.daemon.request.ArchiveJob} code the commands run when no daemon holds the archive. Files,
 * not HTTP: no token is needed, it works with the HTTP server off, and both processes share the data directory.
 */
package io.mailwarden.daemon.request;
