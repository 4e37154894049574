package io.mailwarden.testing;

import java.util.Random;

/** Random strings made of given pieces: inputs for comparing a rewrite with what it replaced. */
public final class RandomText {

    private RandomText() {
    }

    /** Up to {@code maxPieces - 1} pieces, each drawn from {@code pieces}, joined. */
    public static String of(Random rnd, String[] pieces, int maxPieces) {
        StringBuilder text = new StringBuilder();
        for (int n = rnd.nextInt(maxPieces); n > 0; n--) {
            text.append(pieces[rnd.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
