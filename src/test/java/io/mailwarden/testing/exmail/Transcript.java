package io.mailwarden.testing.exmail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What passed through an {@link ExmailProxy}, one entry per logical IMAP line (a command or a
 * response together with its literal continuations). Literal octets are never kept: each literal
 * is shown as {@code <n octets>}. Thread-safe; entries are in the order the proxy handled them.
 */
public final class Transcript {

    /** Who produced the line. */
    public enum Direction {
        /** a line the client sent (before any rewriting) */
        CLIENT,
        /** a line the client received (after rewriting, or produced by the proxy itself) */
        SERVER,
        /** a note by the proxy: a dropped connection, a suppressed push, a rejected command */
        PROXY
    }

    /** One logical line; {@code connection} numbers client connections from 1. */
    public record Entry(int connection, Direction direction, String text) {
        @Override
        public String toString() {
            String arrow = switch (direction) {
                case CLIENT -> "C: ";
                case SERVER -> "S: ";
                case PROXY -> "#  ";
            };
            return "[" + connection + "] " + arrow + text;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(int connection, Direction direction, String text) {
        synchronized (entries) {
            entries.add(new Entry(connection, direction, text));
        }
    }

    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    public List<Entry> entries(Predicate<Entry> filter) {
        return entries().stream().filter(filter).toList();
    }

    /** Lines sent by clients, in order. */
    public List<String> clientLines() {
        return texts(Direction.CLIENT);
    }

    /** Lines received by clients, in order. */
    public List<String> serverLines() {
        return texts(Direction.SERVER);
    }

    /** The proxy's own notes ("dropped: ...", "suppressed: ...", "rejected: ..."). */
    public List<String> notes() {
        return texts(Direction.PROXY);
    }

    /**
     * The command names clients sent, upper-cased, {@code UID} commands as two words
     * ({@code "UID FETCH"}). Lines that continue an earlier command (IDLE's DONE, SASL answers)
     * are not commands and are left out.
     */
    public List<String> clientCommands() {
        return entries(e -> e.direction() == Direction.CLIENT).stream()
                .map(e -> Command.parse(e.text()))
                .filter(c -> c.isCommand())
                .map(c -> c.name().toUpperCase(Locale.ROOT))
                .toList();
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    /** The whole transcript, one entry a line: handy as an assertion description. */
    public String dump() {
        return entries().stream().map(Entry::toString).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return dump();
    }

    private List<String> texts(Direction direction) {
        return entries(e -> e.direction() == direction).stream().map(Entry::text).toList();
    }
}
