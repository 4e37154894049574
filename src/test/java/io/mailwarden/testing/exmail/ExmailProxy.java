package io.mailwarden.testing.exmail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain-text IMAP proxy on 127.0.0.1 that makes the server behind it (GreenMail in tests)
 * look like Tencent Exmail: its capabilities, greeting and delimiter, its BAD to descending
 * sequence sets, its dropped connections, IDLE cuts, single-connection pushes and login
 * throttling. See README.md beside this class for the behaviours and their sources.
 *
 * <pre>{@code
 * try (ExmailProxy proxy = ExmailProxy.builder().upstream(greenMail.getImap().getPort())
 *         .idleCut(Duration.ofSeconds(2), IdleCut.SILENT_CLOSE).start()) {
 *     store.connect("127.0.0.1", proxy.port(), user, password);
 *     ...
 *     assertThat(proxy.transcript().clientCommands()).doesNotContain("UNSELECT");
 * }
 * }</pre>
 */
public final class ExmailProxy implements AutoCloseable {

    /** How a paused proxy turns connections away. */
    public enum PauseMode {
        /** stop listening: connecting fails with "connection refused" */
        REFUSE,
        /** accept, then close at once without a greeting */
        CLOSE_ON_ACCEPT
    }

    private final ExmailBehaviour behaviour;
    private final ProxySession.Context context;
    private final Transcript transcript = new Transcript();
    private final Set<ProxySession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final int port;
    private volatile ServerSocket listener;
    private volatile Thread acceptor;
    private volatile PauseMode paused;
    private volatile boolean closed;

    public static ExmailProxyBuilder builder() {
        return new ExmailProxyBuilder();
    }

    ExmailProxy(ExmailBehaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        FolderPushes pushes = new FolderPushes();
        LoginThrottle throttle = new LoginThrottle(behaviour.loginLimit(), behaviour.loginWindow());
        this.context = new ProxySession.Context(behaviour, new CommandRules(behaviour, throttle),
                new ResponseRules(behaviour, pushes), pushes, transcript);
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        acceptOn(listener);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public ExmailBehaviour behaviour() {
        return behaviour;
    }

    public Transcript transcript() {
        return transcript;
    }

    /** Client connections open now. */
    public int openConnections() {
        return sessions.size();
    }

    /** Client connections accepted since start (refused ones while paused are not counted). */
    public int connectionsAccepted() {
        return connections.get();
    }

    /** Closes every client connection at once, as a server restart would. */
    public void dropAll() {
        List<ProxySession> open = List.copyOf(sessions);
        transcript.add(0, Transcript.Direction.PROXY, "dropAll: " + open.size() + " connection(s)");
        open.forEach(ProxySession::close);
    }

    /** Turns new connections away (connection refused) until {@link #resume()}; open ones stay. */
    public void pause() {
        pause(PauseMode.REFUSE);
    }

    public synchronized void pause(PauseMode mode) {
        if (paused == PauseMode.REFUSE) {
            return;
        }
        paused = mode;
        if (mode == PauseMode.REFUSE) {
            closeQuietly(listener);
            try {
                acceptor.join(2000); // until it has left accept(), the port may still take a connection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Accepts connections again, on the same port. */
    public synchronized void resume() throws IOException {
        if (paused == PauseMode.REFUSE && !closed) {
            listener = listen(port);
            acceptOn(listener);
        }
        paused = null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(listener);
        List.copyOf(sessions).forEach(ProxySession::close);
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void acceptOn(ServerSocket socket) {
        acceptor = Thread.ofVirtual().name("exmail-proxy-accept").start(() -> {
            while (!socket.isClosed()) {
                try {
                    admit(socket.accept());
                } catch (IOException e) {
                    // closed by pause() or close()
                }
            }
        });
    }

    private void admit(Socket client) {
        if (paused != null || closed) {
            transcript.add(0, Transcript.Direction.PROXY, "paused: connection closed on accept");
            closeQuietly(client);
            return;
        }
        int connection = connections.incrementAndGet();
        try {
            ProxySession[] self = new ProxySession[1];
            self[0] = new ProxySession(connection, client, context, () -> sessions.remove(self[0]));
            sessions.add(self[0]);
            self[0].start();
        } catch (IOException e) {
            transcript.add(connection, Transcript.Direction.PROXY, "cannot reach the server: " + e);
            closeQuietly(client);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // nothing to do
        }
    }
}
