package io.mailwarden.testing.exmail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceSetsTest {

    @Test
    void descendingRangesAreRecognised() {
        assertThat(SequenceSets.isDescending("1593:1580")).isTrue();
        assertThat(SequenceSets.isDescending("1:4,9:7")).isTrue();
        assertThat(SequenceSets.isDescending("*:5")).isTrue();
    }

    @Test
    void ascendingSetsAndNonSetsAreNot() {
        assertThat(SequenceSets.isDescending("1580:1593")).isFalse();
        assertThat(SequenceSets.isDescending("1:*")).isFalse();
        assertThat(SequenceSets.isDescending("5,3")).isFalse();
        assertThat(SequenceSets.isDescending("7:7")).isFalse();
        assertThat(SequenceSets.isDescending("(FLAGS)")).isFalse();
    }
}
