package io.mailwarden.outbound;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A tiny SMTP server on loopback whose answer to the end of DATA is scripted ({@code 451 ...} then
 * {@code 250 ...}), for what GreenMail cannot do: refuse mail temporarily or for good. It keeps the
 * messages it accepted, as sent on the wire (dot-unstuffed).
 */
final class FakeSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final Queue<String> answers = new ConcurrentLinkedQueue<>();
    private final List<byte[]> accepted = new CopyOnWriteArrayList<>();
    private final List<String> envelopes = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile boolean holding;

    FakeSmtp(String... dataAnswers) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        answers.addAll(List.of(dataAnswers));
        thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Messages accepted (answered 2xx), in order. */
    List<String> accepted() {
        return accepted.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    /** {@code MAIL FROM} and {@code RCPT TO} lines of every transaction, in order. */
    List<String> envelopes() {
        return envelopes;
    }

    /** From now on the answer to the end of DATA waits for {@link #answer()}. */
    void holdAnswers() {
        hold = new CountDownLatch(1);
    }

    /** Whether a message has been received and waits for its answer. */
    boolean holding() {
        return holding;
    }

    /** Lets a held answer go out. */
    void answer() {
        hold.countDown();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                talk(s);
            } catch (IOException e) {
                // connection over (or server closed): take the next
            }
        }
    }

    private void talk(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = s.getOutputStream();
        say(out, "220 fake.smtp ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
            switch (verb) {
                case "EHLO" -> say(out, "250-fake.smtp\r\n250 8BITMIME");
                case "HELO", "RSET", "NOOP" -> say(out, "250 OK");
                case "MAIL", "RCPT" -> {
                    envelopes.add(line);
                    say(out, "250 OK");
                }
                case "DATA" -> {
                    say(out, "354 go ahead");
                    ByteArrayOutputStream data = new ByteArrayOutputStream();
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) {
                        data.writeBytes((d.startsWith(".") ? d.substring(1) : d).getBytes(StandardCharsets.ISO_8859_1));
                        data.writeBytes(new byte[] {'\r', '\n'});
                    }
                    holding = true;
                    awaitAnswer();
                    holding = false;
                    String answer = answers.isEmpty() ? "250 2.0.0 queued" : answers.poll();
                    if (answer.startsWith("2")) {
                        accepted.add(data.toByteArray());
                    }
                    say(out, answer);
                }
                case "QUIT" -> {
                    say(out, "221 bye");
                    return;
                }
                default -> say(out, "502 not implemented");
            }
        }
    }

    private void awaitAnswer() throws IOException {
        try {
            if (!hold.await(30, TimeUnit.SECONDS)) {
                throw new IOException("nobody let the held answer go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
