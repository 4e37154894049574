/**
 * The archive's Lucene index: one document per archived message location ({@link
 * io.mailwarden.archive.index.MessageDocument}), typed fields ({@link io.mailwarden.archive.index.Fields}),
 * analysis chains that find Chinese, English and mixed text as people type it ({@link
 * io.mailwarden.archive.index.MailAnalyzers}, {@link io.mailwarden.archive.index.TextQueries}), and the
 * long-lived writer with near-real-time searchers ({@link io.mailwarden.archive.index.ArchiveIndex}).
 *
 * <p>The index is a cache of the raw store: everything in it can be rebuilt from the stored messages,
 * and what was committed survives a crash (see {@link io.mailwarden.archive.index.ArchiveIndex} for the
 * contract). Nothing here reads the raw store or IMAP; the archiver fills the documents.
 *
 * <p>Snippets: the body and attachment texts are stored (compressed with the other stored fields), so a
 * highlighter (Lucene's {@code UnifiedHighlighter}) re-analyses the stored text of the hits shown; no
 * offsets or term vectors are indexed, which keeps the postings small. The cost is the stored text
 * itself, about a third of the index (see {@code bench/README.md}), and it lets {@code get} rebuild a
 * whole document (to move or re-flag a message without extracting its attachments again).
 */
package io.mailwarden.archive.index;
