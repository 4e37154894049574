package io.mailwarden.message.parse;

import io.mailwarden.message.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the raw fixture messages under src/test/resources/messages (made by make_fixtures.py). */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/messages/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Message parse(String name) {
        return new MessageParser().parse(bytes(name));
    }
}
