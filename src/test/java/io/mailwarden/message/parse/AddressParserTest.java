package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.Address;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AddressParserTest {

    @Test
    void keepsAddressWhenDisplayNameHoldsAt() {
        assertThat(AddressParser.parse("\"service@bank.example\" <phish@evil.example>"))
                .containsExactly(new Address("phish@evil.example", "service@bank.example"));
    }

    @Test
    void keepsCommaInsideQuotedName() {
        assertThat(AddressParser.parse("\"Smith, John\" <john@x.example>, jane@x.example")).containsExactly(
                new Address("john@x.example", "Smith, John"), new Address("jane@x.example", ""));
    }

    @Test
    void keepsCommaInsideEncodedWordName() {
        assertThat(AddressParser.parse("=?UTF-8?B?546LLCDlsI/mmI4=?= <xm@x.example>, b@x.example")).containsExactly(
                new Address("xm@x.example", "王, 小明"), new Address("b@x.example", ""));
    }

    @Test
    void decodesQuotedEncodedWordName() {
        assertThat(AddressParser.parse("\"=?gb2312?B?1uzpRrv5?=\" <zhu@x.example>"))
                .containsExactly(new Address("zhu@x.example", "朱镕基"));
    }

    @Test
    void readsEmptyGroupAsNoAddress() {
        assertThat(AddressParser.parse("undisclosed-recipients:;")).isEmpty();
        assertThat(AddressParser.parse("undisclosed-recipients: ;")).isEmpty();
    }

    @Test
    void readsGroupMembers() {
        assertThat(AddressParser.parse("Team: a@x.example, \"B\" <b@x.example>;, c@x.example")).containsExactly(
                new Address("a@x.example", ""), new Address("b@x.example", "B"), new Address("c@x.example", ""));
    }

    @Test
    void takesNameFromComment() {
        assertThat(AddressParser.parse("a@b.example (Name)")).containsExactly(new Address("a@b.example", "Name"));
    }

    @Test
    void keepsColonInsideQuotedName() {
        assertThat(AddressParser.parse("\"Re: Ops\" <ops@x.example>"))
                .containsExactly(new Address("ops@x.example", "Re: Ops"));
    }

    @Test
    void unescapesQuotedPairs() {
        assertThat(AddressParser.parse("\"O\\\"Brien \\\\ Co\" <ob@x.example>"))
                .containsExactly(new Address("ob@x.example", "O\"Brien \\ Co"));
    }

    @Test
    void readsBareAngleAddressAndFoldedHeader() {
        assertThat(AddressParser.parse("<only@x.example>,\r\n Long Name\r\n <long@x.example>")).containsExactly(
                new Address("only@x.example", ""), new Address("long@x.example", "Long Name"));
    }

    @Test
    void decodesRaw8bitGbkName() {
        String raw = new String("财务部 <cw@x.example>".getBytes(Charsets.GB18030), StandardCharsets.ISO_8859_1);

        assertThat(AddressParser.parse(raw)).containsExactly(new Address("cw@x.example", "财务部"));
    }

    @Test
    void decodesRaw8bitUtf8QuotedName() {
        String raw = new String("\"张三, 财务\" <zs@x.example>".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);

        assertThat(AddressParser.parse(raw)).containsExactly(new Address("zs@x.example", "张三, 财务"));
    }

    @Test
    void readsNothingFromBlankOrNull() {
        assertThat(AddressParser.parse(null)).isEmpty();
        assertThat(AddressParser.parse("  ")).isEmpty();
        assertThat(AddressParser.parse(",,;")).isEmpty();
    }

    @Test
    void survivesUnbalancedBrackets() {
        assertThat(AddressParser.parse("Broken <a@x.example")).containsExactly(new Address("a@x.example", "Broken"));
        assertThat(AddressParser.parse("x@y.example (unclosed")).containsExactly(new Address("x@y.example", "unclosed"));
        assertThat(AddressParser.parse("\"unclosed <q@x.example>")).isNotNull();
        assertThat(AddressParser.parse(")(<>\"\\")).isNotNull();
    }

    @Test
    void splitsDomainAndLocalPart() {
        Address a = AddressParser.parse("Billing <Billing@Vendor.Example>").get(0);

        assertThat(a.local()).isEqualTo("Billing");
        assertThat(a.domain()).isEqualTo("vendor.example");
    }
}
