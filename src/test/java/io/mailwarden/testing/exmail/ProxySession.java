package io.mailwarden.testing.exmail;

import io.mailwarden.testing.exmail.CommandRules.Drop;
import io.mailwarden.testing.exmail.CommandRules.Forward;
import io.mailwarden.testing.exmail.CommandRules.Reply;
import io.mailwarden.testing.exmail.CommandRules.Verdict;
import io.mailwarden.testing.exmail.ExmailBehaviour.IdleCut;
import io.mailwarden.testing.exmail.Transcript.Direction;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client connection and its connection to the server: a thread per direction, relaying
 * logical lines (a line plus its literals) and applying {@link CommandRules} and
 * {@link ResponseRules}. Literal octets are copied untouched.
 */
final class ProxySession {

    /** What a session needs from its proxy. */
    record Context(ExmailBehaviour behaviour, CommandRules commands, ResponseRules responses,
                   FolderPushes pushes, Transcript transcript) {
    }

    private final Context context;
    private final SessionState state;
    private final Socket client;
    private final Socket server;
    private final InputStream clientIn;
    private final OutputStream clientOut;
    private final InputStream serverIn;
    private final OutputStream serverOut;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    ProxySession(int connection, Socket client, Context context, Runnable onClose) throws IOException {
        this.context = context;
        this.state = new SessionState(connection);
        this.client = client;
        this.onClose = onClose;
        ExmailBehaviour behaviour = context.behaviour();
        this.server = new Socket(behaviour.upstreamHost(), behaviour.upstreamPort());
        this.clientIn = new BufferedInputStream(client.getInputStream());
        this.clientOut = new BufferedOutputStream(client.getOutputStream());
        this.serverIn = new BufferedInputStream(server.getInputStream());
        this.serverOut = new BufferedOutputStream(server.getOutputStream());
    }

    int connection() {
        return state.connection;
    }

    void start() {
        Thread.ofVirtual().name("exmail-proxy-c" + connection()).start(() -> relay(this::clientToServer));
        Thread.ofVirtual().name("exmail-proxy-s" + connection()).start(() -> relay(this::serverToClient));
    }

    /** Closes both sockets; the relay threads end on their own. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly(client);
            closeQuietly(server);
            onClose.run();
        }
    }

    private interface Loop {
        void run() throws IOException;
    }

    private void relay(Loop loop) {
        try {
            loop.run();
        } catch (IOException | RuntimeException e) {
            if (!closed.get()) {
                note("relay ended: " + e);
            }
        } finally {
            close();
        }
    }

    private void clientToServer() throws IOException {
        String line;
        while ((line = ImapWire.readLine(clientIn)) != null) {
            if (state.idling) {
                record(Direction.CLIENT, line);
                state.idling = false;
                send(serverOut, line);
                continue;
            }
            Command command = Command.parse(line);
            boolean bridged = command.is("AUTHENTICATE") && context.behaviour().exmailCapabilities();
            if (bridged) {
                record(Direction.CLIENT, line);
                try {
                    command = SaslBridge.toLogin(command, this::challenge);
                } catch (SaslBridge.Failure failure) {
                    reply(List.of(failure.reply));
                    continue;
                }
            }
            Verdict verdict = context.commands().judge(command);
            if (!bridged && !(verdict instanceof Forward)) {
                record(Direction.CLIENT, line);   // forwarded commands are recorded with their literals
            }
            switch (verdict) {
                case Drop drop -> {
                    note("dropped: " + drop.reason());
                    return;
                }
                case Reply answer -> {
                    if (answer.note() != null) {
                        note(answer.note());
                    }
                    reply(answer.lines());
                }
                case Forward forward -> {
                    beforeForwarding(command, forward.command());
                    String rest = forward(forward.command().line(), ImapWire.literalSize(line));
                    if (!bridged) {
                        record(Direction.CLIENT, line + rest);
                    }
                }
            }
        }
    }

    private void beforeForwarding(Command original, Command forwarded) {
        String tag = original.tag();
        switch (original.name()) {
            case "LOGIN" -> state.loginTag = tag;
            case "XLIST" -> state.xlistTag = context.behaviour().xlist() ? tag : null;
            case "SELECT", "EXAMINE" -> {
                state.selectTag = tag;
                state.selected = original.arg(0);
                if (state.selected != null) {
                    context.pushes().selected(state.selected, connection());
                }
            }
            case "CLOSE" -> state.selected = null;
            case "IDLE" -> startIdle();
            default -> {
            }
        }
    }

    private void startIdle() {
        state.idling = true;
        int idle = state.idles.incrementAndGet();
        Duration after = context.behaviour().idleCutAfter();
        if (after == null) {
            return;
        }
        Thread.ofVirtual().name("exmail-proxy-idle" + connection()).start(() -> {
            try {
                Thread.sleep(after);
            } catch (InterruptedException e) {
                return;
            }
            if (state.idling && state.idles.get() == idle && !closed.get()) {
                cutIdle();
            }
        });
    }

    private void cutIdle() {
        boolean bye = context.behaviour().idleCut() == IdleCut.BYE_THEN_CLOSE;
        note("IDLE cut after " + context.behaviour().idleCutAfter() + (bye ? " with BYE" : " silently"));
        if (bye) {
            try {
                reply(List.of(ExmailBehaviour.BYE_IDLE));
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        close();
    }

    /** Sends the first line, then each literal and continuation line; returns what followed the first line. */
    private String forward(String first, int literal) throws IOException {
        StringBuilder rest = new StringBuilder();
        ImapWire.writeLine(serverOut, first);
        while (literal >= 0) {
            serverOut.flush();
            serverOut.write(ImapWire.readExactly(clientIn, literal));
            rest.append(ImapWire.elided(literal));
            String next = ImapWire.readLine(clientIn);
            if (next == null) {
                throw new IOException("client closed inside a command");
            }
            ImapWire.writeLine(serverOut, next);
            rest.append(next);
            literal = ImapWire.literalSize(next);
        }
        serverOut.flush();
        return rest.toString();
    }

    private String challenge(String continuation) throws IOException {
        reply(List.of(continuation));
        String answer = ImapWire.readLine(clientIn);
        if (answer != null) {
            record(Direction.CLIENT, answer);
        }
        return answer;
    }

    private void serverToClient() throws IOException {
        String line;
        while ((line = ImapWire.readLine(serverIn)) != null) {
            synchronized (clientOut) {
                int literal = ImapWire.literalSize(line);
                String out = literal >= 0 ? line : context.responses().rewrite(line, state);
                if (out == null) {
                    note("suppressed: " + line);
                    continue;
                }
                StringBuilder logical = new StringBuilder(out);
                ImapWire.writeLine(clientOut, out);
                while (literal >= 0) {
                    clientOut.write(ImapWire.readExactly(serverIn, literal));
                    logical.append(ImapWire.elided(literal));
                    String next = ImapWire.readLine(serverIn);
                    if (next == null) {
                        throw new IOException("server closed inside a response");
                    }
                    ImapWire.writeLine(clientOut, next);
                    logical.append(next);
                    literal = ImapWire.literalSize(next);
                }
                clientOut.flush();
                record(Direction.SERVER, logical.toString());
            }
        }
    }

    /** Lines from the proxy itself to the client. */
    private void reply(List<String> lines) throws IOException {
        synchronized (clientOut) {
            for (String line : lines) {
                ImapWire.writeLine(clientOut, line);
                record(Direction.SERVER, line);
            }
            clientOut.flush();
        }
    }

    private static void send(OutputStream out, String line) throws IOException {
        ImapWire.writeLine(out, line);
        out.flush();
    }

    private void record(Direction direction, String text) {
        context.transcript().add(connection(), direction, text);
    }

    private void note(String text) {
        record(Direction.PROXY, text);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
