package io.mailwarden.backup.format;

import io.mailwarden.backup.MessageSource;
import java.io.IOException;
import java.util.List;

/** The messages of an export's folders, read one folder after the other by the format's reader. */
final class PlacesSource implements MessageSource {

    /** Reads the messages of one folder. */
    @FunctionalInterface
    interface Reader {
        void read(Place place, Sink sink) throws IOException;
    }

    private final List<Place> places;
    private final Reader reader;

    PlacesSource(List<Place> places, Reader reader) {
        this.places = List.copyOf(places);
        this.reader = reader;
    }

    @Override
    public void forEach(Sink sink) throws IOException {
        for (Place place : places) {
            reader.read(place, sink);
        }
    }
}
