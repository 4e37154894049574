package io.mailwarden.archive.extract;

import java.util.Locale;

/**
 * The text of one attachment and how its extraction went. Text found before a failure is kept.
 *
 * @param text the extracted text, possibly partial; never null
 * @param detectedType the media type detected from the bytes ({@code application/pdf}), never null
 * @param status how the extraction went
 * @param problem what went wrong, one line, or an empty string when {@link Status#OK} or {@link Status#EMPTY}
 */
public record Extraction(String text, String detectedType, Status status, String problem) {

    /** How an extraction went; the index records it so that what could not be read can be searched for. */
    public enum Status {
        /** All text was extracted. */
        OK,
        /** The content holds no text (0 bytes, an image, an archive of images...). */
        EMPTY,
        /** Text beyond the character cap was dropped. */
        TRUNCATED,
        /** The content, or a document inside it, is password-protected. */
        ENCRYPTED,
        /** The content, or a document inside it, could not be parsed. */
        FAILED,
        /** Extraction took longer than the timeout. */
        TIMEOUT,
        /** Unpacking went past the expanded-size cap (a zip bomb, say). */
        TOO_LARGE
    }

    public Extraction {
        text = text == null ? "" : text;
        detectedType = detectedType == null ? "application/octet-stream" : detectedType;
        problem = problem == null ? "" : problem;
    }

    /** True when everything that could be read was read (OK or EMPTY). */
    public boolean complete() {
        return status == Status.OK || status == Status.EMPTY;
    }

    /** What the index records of it: an empty string when complete, else {@code status: problem} ({@code encrypted}). */
    public String indexedProblem() {
        return complete() ? "" : status.name().toLowerCase(Locale.ROOT) + (problem.isEmpty() ? "" : ": " + problem);
    }
}
