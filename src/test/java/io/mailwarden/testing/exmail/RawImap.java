package io.mailwarden.testing.exmail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/** A bare IMAP conversation over a socket, for tests that must see the exact lines. */
final class RawImap implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String greeting;
    private int tags;

    RawImap(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        greeting = readLine();
    }

    String greeting() {
        return greeting;
    }

    /** Sends {@code tN command} and returns every line up to and including the tagged one. */
    List<String> command(String command) throws IOException {
        String tag = send(command);
        return readUntilTagged(tag);
    }

    /** Sends {@code tN command} and returns the tag. */
    String send(String command) throws IOException {
        String tag = "t" + (++tags);
        sendRaw(tag + " " + command);
        return tag;
    }

    void sendRaw(String line) throws IOException {
        ImapWire.writeLine(out, line);
        out.flush();
    }

    List<String> readUntilTagged(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = readLine();
            if (line == null) {
                throw new IOException("connection closed; read so far: " + lines);
            }
            lines.add(line);
        } while (!line.startsWith(tag + " "));
        return lines;
    }

    /** The next line, or null when the peer closed the connection. */
    String readLine() throws IOException {
        return ImapWire.readLine(in);
    }

    List<String> login(String user, String password) throws IOException {
        return command("LOGIN " + ImapTokens.quote(user) + " " + ImapTokens.quote(password));
    }

    /** True if the peer closes the connection within the socket timeout, with nothing more to read. */
    boolean closedByPeer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;  // reset
        }
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
