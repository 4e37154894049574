package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodedWordsTest {

    @Test
    void joinsUtf8WordsSplitMidCharacter() {
        assertThat(EncodedWords.decode("=?UTF-8?B?5Y+R5w==?= =?UTF-8?B?pajlt7LlvIDlhbc=?=")).isEqualTo("发票已开具");
    }

    @Test
    void joinsGbkBase64WordsSplitMidCharacter() {
        assertThat(EncodedWords.decode("=?GBK?B?t6LG?=\r\n\t=?gbk?B?sdLRv6q+3w==?=")).isEqualTo("发票已开具");
    }

    @Test
    void joinsGbkQuotedPrintableWordsSplitMidCharacter() {
        assertThat(EncodedWords.decode("=?gbk?Q?=B7=A2=C6=B1=D2?= =?gbk?Q?=D1=BF=AA=BE=DF?=")).isEqualTo("发票已开具");
    }

    @Test
    void joinsBase64AndQuotedPrintableWordsOfOneCharset() {
        assertThat(EncodedWords.decode("=?GBK?B?t6LG?= =?GBK?Q?=B1=D2=D1=BF=AA=BE=DF?=")).isEqualTo("发票已开具");
    }

    @Test
    void decodesGbkOnlyCharactersLabelledGb2312() {
        assertThat(EncodedWords.decode("=?gb2312?B?1uzpRrv5?=")).isEqualTo("朱镕基");
    }

    @Test
    void keepsTextAroundWordsAndDropsSpaceBetweenWords() {
        assertThat(EncodedWords.decode("Re: =?UTF-8?Q?caf=C3=A9?= =?UTF-8?Q?_au_lait?= (2)"))
                .isEqualTo("Re: café au lait (2)");
    }

    @Test
    void keepsSpaceBetweenWordAndPlainText() {
        assertThat(EncodedWords.decode("=?UTF-8?B?5ZCI5ZCM?= draft =?UTF-8?B?5ZCI5ZCM?="))
                .isEqualTo("合同 draft 合同");
    }

    @Test
    void decodesWordInsideOtherText() {
        assertThat(EncodedWords.decode("[ext]=?UTF-8?B?5ZCI5ZCM?=.pdf")).isEqualTo("[ext]合同.pdf");
    }

    @Test
    void decodesUnderscoreAsSpaceInQuotedPrintable() {
        assertThat(EncodedWords.decode("=?ISO-8859-1?Q?Andr=E9_Pirard?=")).isEqualTo("André Pirard");
    }

    @Test
    void decodesBase64WithoutPadding() {
        assertThat(EncodedWords.decode("=?UTF-8?B?5ZCI5ZCM?=")).isEqualTo("合同");
        assertThat(EncodedWords.decode("=?UTF-8?B?5Y+R56Wo?=")).isEqualTo("发票");
        assertThat(EncodedWords.decode("=?UTF-8?B?5Y+R56W?=")).doesNotContain("=?");
    }

    @Test
    void readsLanguageSuffixOfCharset() {
        assertThat(EncodedWords.decode("=?UTF-8*zh-CN?B?5ZCI5ZCM?=")).isEqualTo("合同");
    }

    @Test
    void guessesCharsetWhenLabelIsUnknown() {
        assertThat(EncodedWords.decode("=?x-unknown?B?1PbWtcuwt6LGsS5wZGY=?=")).isEqualTo("增值税发票.pdf");
    }

    @Test
    void leavesPlainTextAndNullAlone() {
        assertThat(EncodedWords.decode("no words = here ?=")).isEqualTo("no words = here ?=");
        assertThat(EncodedWords.decode(null)).isNull();
    }

    @Test
    void decodesWithoutReplacementCharacters() {
        assertThat(EncodedWords.decode("=?UTF-8?B?5Y+R5w==?=\r\n =?UTF-8?B?pajlt7LlvIDlhbc=?="))
                .doesNotContain("\uFFFD");
    }
}
