package io.mailwarden.plugin;

/** A rule file says something that cannot work; the message is written for the admin who wrote it. */
public class ConfigException extends Exception {

    private final SourceLocation location;

    public ConfigException(SourceLocation location, String message) {
        super(message);
        this.location = location;
    }

    public SourceLocation location() {
        return location;
    }
}
