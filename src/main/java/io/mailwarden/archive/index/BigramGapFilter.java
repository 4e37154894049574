package io.mailwarden.archive.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Query side of the bigram chain: gives a run of Han characters as many positions as the index gives it.
 *
 * <p>The index keeps a unigram per character, so a run of n characters spans n positions there; the
 * query makes only its n-1 bigrams (one position each). Without this filter the token after a run would
 * stand one position too early and phrases like {@code 发票Q3} or {@code 发票 合同} would never match.
 * The last bigram of a run is known by the next token not overlapping it.
 */
final class BigramGapFilter extends TokenFilter {

    private static final String DOUBLE = "<DOUBLE>";

    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private boolean afterBigram;
    private int bigramEnd;

    BigramGapFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        boolean bigram = DOUBLE.equals(type.type());
        boolean continuesRun = bigram && afterBigram && offset.startOffset() < bigramEnd;
        if (afterBigram && !continuesRun) {
            posInc.setPositionIncrement(posInc.getPositionIncrement() + 1);
        }
        afterBigram = bigram;
        bigramEnd = offset.endOffset();
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        afterBigram = false;
        bigramEnd = 0;
    }
}
