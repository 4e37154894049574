package io.mailwarden.archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;

class DocumentMapperTest {

    @Test
    void givesSmartcnWordsOnlyToSubjectsAndBodiesWithHanCharacters() {
        Document english = DocumentMapper.toDocument(IndexedMessages.plain("1", "Invoice for March", "Please pay."));
        Document chinese = DocumentMapper.toDocument(IndexedMessages.plain("2", "Q3 合同", "我们签订了合同"));

        assertThat(english.getField(Fields.SUBJECT_WORDS)).isNull();
        assertThat(english.getField(Fields.BODY_WORDS)).isNull();
        assertThat(chinese.getField(Fields.SUBJECT_WORDS)).isNotNull();
        assertThat(chinese.getField(Fields.BODY_WORDS)).isNotNull();
    }

    @Test
    void recognisesHanButNotOtherScripts() {
        assertThat(Fields.hasHan("invoice №42 café")).isFalse();
        assertThat(Fields.hasHan("カタカナ 한국어")).isFalse();
        assertThat(Fields.hasHan("see 发票")).isTrue();
        assertThat(Fields.hasHan("𠮷野家")).isTrue(); // outside the BMP
    }
}
