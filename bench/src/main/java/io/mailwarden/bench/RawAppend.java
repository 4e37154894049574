package io.mailwarden.bench;

import io.mailwarden.backup.BackupMessage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;

/**
 * The floor of a restore: APPEND commands written on a plain socket, one message each with a synchronising
 * literal (as a client must without LITERAL+), waiting for each tagged answer; no parsing, no checks.
 */
final class RawAppend {

    private RawAppend() {
    }

    /**
     * Appends every message to a new {@code folder}; {@code selected}: with that folder SELECTed first (a
     * server such as Dovecot then keeps it open between APPENDs instead of opening it for each).
     */
    static void loop(int port, String user, String password, String folder, boolean selected,
            List<BackupMessage> messages) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            line(in); // greeting
            command(in, out, "l LOGIN \"" + user + "\" \"" + password + "\"", "l");
            command(in, out, "c CREATE \"" + folder + "\"", "c");
            if (selected) {
                command(in, out, "s SELECT \"" + folder + "\"", "s");
            }
            int tag = 0;
            for (BackupMessage m : messages) {
                String t = "a" + tag++;
                String flags = String.join(" ", m.flags());
                write(out, t + " APPEND \"" + folder + "\" (" + flags + ") \"" + INTERNALDATE.format(Date.from(
                        m.internalDate())) + "\" {" + m.size() + "}\r\n");
                if (!line(in).startsWith("+")) {
                    throw new IOException("APPEND refused its literal");
                }
                try (InputStream raw = m.raw().open()) {
                    raw.transferTo(out);
                }
                write(out, "\r\n");
                tagged(in, t);
            }
            command(in, out, "z LOGOUT", "z");
        }
    }

    private static void command(InputStream in, OutputStream out, String command, String tag) throws IOException {
        write(out, command + "\r\n");
        tagged(in, tag);
    }

    private static void tagged(InputStream in, String tag) throws IOException {
        for (String l = line(in);; l = line(in)) {
            if (l.startsWith(tag + " ")) {
                if (!l.startsWith(tag + " OK")) {
                    throw new IOException(l);
                }
                return;
            }
        }
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.UTF_8).strip();
    }
}
