package io.mailwarden.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailwarden.search.QuerySyntaxException;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    private static String tree(String query) {
        return show(QueryParser.parse(query));
    }

    private static String show(QueryNode n) {
        return switch (n) {
            case QueryNode.All a -> "ALL";
            case QueryNode.Term t -> t.token().kind() == Token.Kind.FIELD
                    ? t.token().operator() + ":" + (t.token().quoted() ? "\"" + t.token().text() + "\"" : t.token().text())
                    : t.token().quoted() ? "\"" + t.token().text() + "\"" : t.token().text();
            case QueryNode.Not not -> "-" + show(not.node());
            case QueryNode.And and -> "AND(" + String.join(" ", and.nodes().stream().map(QueryParserTest::show).toList()) + ")";
            case QueryNode.Or or -> "OR(" + String.join(" ", or.nodes().stream().map(QueryParserTest::show).toList()) + ")";
        };
    }

    @Test
    void readsWordsPhrasesAndOperatorsWithImplicitAnd() {
        assertThat(tree("发票 subject:合同 attachment:\"增值税发票\" \"annual budget\""))
                .isEqualTo("AND(发票 subject:合同 attachment:\"增值税发票\" \"annual budget\")");
        assertThat(tree("From:Alice@Vendor.example has:attachment")).isEqualTo("AND(from:Alice@Vendor.example has:attachment)");
        assertThat(tree("")).isEqualTo("ALL");
        assertThat(tree("   ")).isEqualTo("ALL");
    }

    @Test
    void orBindsTighterThanImplicitAndAsInGmail() {
        assertThat(tree("a b OR c")).isEqualTo("AND(a OR(b c))");
        assertThat(tree("a | b c")).isEqualTo("AND(OR(a b) c)");
        assertThat(tree("a AND b")).isEqualTo("AND(a b)");
    }

    @Test
    void parenthesesGroupAndMinusExcludesTheNextTermOrGroup() {
        assertThat(tree("(a b) OR c")).isEqualTo("OR(AND(a b) c)");
        assertThat(tree("-from:x.example (合同 OR 发票)")).isEqualTo("AND(-from:x.example OR(合同 发票))");
        assertThat(tree("-(a OR b)")).isEqualTo("-OR(a b)");
        assertThat(tree("a OR -b")).isEqualTo("OR(a -b)");
        assertThat(tree("e-mail")).isEqualTo("e-mail");
    }

    @Test
    void textThatOnlyLooksLikeAnOperatorIsText() {
        assertThat(tree("http://x.example 10:30 注意:")).isEqualTo("AND(http://x.example 10:30 注意:)");
        assertThat(tree("“中文引号”")).isEqualTo("\"中文引号\"");
    }

    @Test
    void aMisspeltOperatorIsAnErrorWithASuggestion() {
        assertThatThrownBy(() -> QueryParser.parse("form:alice"))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessageContaining("unknown operator 'form:' at 1")
                .hasMessageContaining("did you mean 'from:'");
        assertThat(position("x subjet:a")).isEqualTo(2);
    }

    @Test
    void errorsSayWhatIsWrongAndWhere() {
        assertThatThrownBy(() -> QueryParser.parse("subject:\"annual budget")).hasMessage("unclosed quote at 9");
        assertThat(position("subject:\"annual budget")).isEqualTo(8);
        assertThatThrownBy(() -> QueryParser.parse("(a OR b")).hasMessage("unclosed '(' at 1");
        assertThatThrownBy(() -> QueryParser.parse("a)")).hasMessageContaining("unexpected ')' at 2");
        assertThatThrownBy(() -> QueryParser.parse("a OR")).hasMessageContaining("OR at 3 needs a term after it");
        assertThatThrownBy(() -> QueryParser.parse("OR a")).hasMessageContaining("OR at 1 needs a term before it");
        assertThatThrownBy(() -> QueryParser.parse("a ()")).hasMessageContaining("empty parentheses at 3");
        // parsing recursed per level: a hundred thousand of them overflowed the stack
        assertThatThrownBy(() -> QueryParser.parse("(".repeat(100_000) + "a" + ")".repeat(100_000)))
                .hasMessage("nested deeper than 64 levels at 65");
        assertThatThrownBy(() -> QueryParser.parse("-".repeat(100_000) + "a")).hasMessageContaining("nested deeper than 64");
        assertThat(QueryParser.parse("(".repeat(64) + "a" + ")".repeat(64))).isNotNull();
        assertThatThrownBy(() -> QueryParser.parse("a -)")).isInstanceOf(QuerySyntaxException.class);
        assertThatThrownBy(() -> QueryParser.parse("from: alice")).hasMessageContaining("from: needs a value");
    }

    private static int position(String query) {
        try {
            QueryParser.parse(query);
        } catch (QuerySyntaxException e) {
            return e.position();
        }
        throw new AssertionError("no error for " + query);
    }
}
