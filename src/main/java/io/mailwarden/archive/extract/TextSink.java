package io.mailwarden.archive.extract;

import io.mailwarden.archive.extract.Extraction.Status;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** Collects the text a parse writes, up to the character cap, checking the guard at every write. */
final class TextSink extends DefaultHandler {

    private final StringBuilder text = new StringBuilder();
    private final int maxChars;
    private final Guard guard;

    TextSink(int maxChars, Guard guard) {
        this.maxChars = maxChars;
        this.guard = guard;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        append(ch, start, length); // Tika writes line breaks between blocks this way
    }

    void append(String s) throws SAXException {
        append(s.toCharArray(), 0, s.length());
    }

    private void append(char[] ch, int start, int length) throws SAXException {
        try {
            guard.tick();
            int room = maxChars - text.length();
            if (length > room) {
                text.append(ch, start, room);
                throw guard.stop(Status.TRUNCATED, "text cut at " + maxChars + " characters");
            }
        } catch (Guard.Stopped e) {
            throw new SAXException(e);
        }
        text.append(ch, start, length);
    }

    String text() {
        return text.toString();
    }
}
