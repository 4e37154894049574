package io.mailwarden.daemon.request;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A command's request to the daemon.
 *
 * @param id the request's id (its files' names begin with it)
 * @param job the command and its arguments
 * @param client the command's process: a request whose command is gone is not run, and one running is stopped
 */
@RegisterForReflection // read and written by Jackson, in the native executable too
public record Request(String id, ArchiveJob job, ProcessId client) {
}
