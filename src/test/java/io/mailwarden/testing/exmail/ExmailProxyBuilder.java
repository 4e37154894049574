package io.mailwarden.testing.exmail;

import io.mailwarden.testing.exmail.ExmailBehaviour.IdleCut;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link ExmailProxy}. Every Exmail quirk is on by default, IDLE is cut after five
 * minutes without a word, and login throttling is off; switch off what a test does not want.
 */
public final class ExmailProxyBuilder {

    private String upstreamHost = "127.0.0.1";
    private int upstreamPort = -1;
    private boolean exmailCapabilities = true;
    private boolean move = true;
    private boolean uidplus = true;
    private boolean idle = true;
    private boolean rejectDescendingSets = true;
    private boolean dropUnadvertisedCommands = true;
    private Duration idleCutAfter = Duration.ofMinutes(5);
    private IdleCut idleCut = IdleCut.SILENT_CLOSE;
    private boolean pushOnlyToLatestSelector = true;
    private int loginLimit;
    private Duration loginWindow = Duration.ofMinutes(1);
    private boolean xlist = true;
    private boolean exmailDelimiter = true;
    private boolean rejectTextSearch = true;
    private boolean bareStatusCodes = true;

    ExmailProxyBuilder() {
    }

    /** The IMAP server behind the proxy (plain text, e.g. GreenMail's IMAP port). Required. */
    public ExmailProxyBuilder upstream(String host, int port) {
        this.upstreamHost = Objects.requireNonNull(host);
        this.upstreamPort = port;
        return this;
    }

    public ExmailProxyBuilder upstream(int port) {
        return upstream("127.0.0.1", port);
    }

    /** Greeting, CAPABILITY responses and {@code [CAPABILITY]} codes become Exmail's. */
    public ExmailProxyBuilder exmailCapabilities(boolean on) {
        this.exmailCapabilities = on;
        return this;
    }

    /** Advertise (and allow) MOVE and UID MOVE. */
    public ExmailProxyBuilder move(boolean on) {
        this.move = on;
        return this;
    }

    /** Advertise UIDPLUS (and allow UID EXPUNGE). */
    public ExmailProxyBuilder uidplus(boolean on) {
        this.uidplus = on;
        return this;
    }

    /** Advertise (and allow) IDLE. */
    public ExmailProxyBuilder idle(boolean on) {
        this.idle = on;
        return this;
    }

    /** Answer {@code BAD UID parameters!} to descending sequence sets such as {@code 9:7}. */
    public ExmailProxyBuilder rejectDescendingSets(boolean on) {
        this.rejectDescendingSets = on;
        return this;
    }

    /** Close the connection, without a reply, on a command that is not advertised. */
    public ExmailProxyBuilder dropUnadvertisedCommands(boolean on) {
        this.dropUnadvertisedCommands = on;
        return this;
    }

    /** Cut every IDLE after {@code after} (null: never), closing silently or after {@code * BYE}. */
    public ExmailProxyBuilder idleCut(Duration after, IdleCut how) {
        this.idleCutAfter = after;
        this.idleCut = Objects.requireNonNull(how);
        return this;
    }

    /** Untagged EXISTS/RECENT reach only the connection that most recently selected the folder. */
    public ExmailProxyBuilder pushOnlyToLatestSelector(boolean on) {
        this.pushOnlyToLatestSelector = on;
        return this;
    }

    /** Allow {@code logins} logins per {@code window} (proxy-wide); further ones get Exmail's NO. */
    public ExmailProxyBuilder loginThrottle(int logins, Duration window) {
        if (logins < 1) {
            throw new IllegalArgumentException("logins must be at least 1");
        }
        this.loginLimit = logins;
        this.loginWindow = Objects.requireNonNull(window);
        return this;
    }

    /** Answer XLIST (advertised by Exmail, unknown to GreenMail) by running LIST. */
    public ExmailProxyBuilder xlist(boolean on) {
        this.xlist = on;
        return this;
    }

    /** Show GreenMail's {@code .} hierarchy delimiter as Exmail's {@code /}, both ways. */
    public ExmailProxyBuilder exmailDelimiter(boolean on) {
        this.exmailDelimiter = on;
        return this;
    }

    /** Answer BAD to SEARCH with CHARSET, text keys (TEXT, BODY, SUBJECT, FROM, ...) or 8-bit text. */
    public ExmailProxyBuilder rejectTextSearch(boolean on) {
        this.rejectTextSearch = on;
        return this;
    }

    /** Untagged {@code * OK [CODE] text} lose their text, as in {@code * OK [UNSEEN 6]}. */
    public ExmailProxyBuilder bareStatusCodes(boolean on) {
        this.bareStatusCodes = on;
        return this;
    }

    public ExmailBehaviour behaviour() {
        if (upstreamPort < 0) {
            throw new IllegalStateException("upstream(host, port) is required");
        }
        return new ExmailBehaviour(upstreamHost, upstreamPort, exmailCapabilities, move, uidplus, idle,
                rejectDescendingSets, dropUnadvertisedCommands, idleCutAfter, idleCut, pushOnlyToLatestSelector,
                loginLimit, loginWindow, xlist, exmailDelimiter, rejectTextSearch, bareStatusCodes);
    }

    /** Starts the proxy on 127.0.0.1 and an ephemeral port. */
    public ExmailProxy start() {
        try {
            return new ExmailProxy(behaviour());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Exmail proxy", e);
        }
    }
}
