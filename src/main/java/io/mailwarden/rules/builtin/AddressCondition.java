package io.mailwarden.rules.builtin;

import io.mailwarden.message.Address;
import io.mailwarden.message.Message;
import io.mailwarden.plugin.CompileContext;
import io.mailwarden.plugin.Condition;
import io.mailwarden.plugin.ConditionPlugin;
import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import io.mailwarden.plugin.Facts;
import io.mailwarden.rules.match.Matchers;
import io.mailwarden.rules.match.TextMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Tests on an address header ({@code from}, {@code to}, ...). True when any one address of the header
 * passes every test given:
 * <pre>
 *   from: boss@corp.example                     # address or display name contains it
 *   from: { domain: vendor.example }            # that domain or a subdomain of it
 *   from: { local: { starts-with: billing }, name: { contains: 财务 } }
 *   from: { in-list: [ceo@corp.example, partner.example] }   # addresses and whole domains
 *   from: { regex: "^no-?reply@" }              # bare tests look at the address
 * </pre>
 */
final class AddressCondition implements ConditionPlugin {

    private static final List<String> PARTS = List.of("address", "local", "domain", "name");

    private final String name;
    private final String header;
    private final Function<Message, List<Address>> pick;

    AddressCondition(String name, String header, Function<Message, List<Address>> pick) {
        this.name = name;
        this.header = header;
        this.pick = pick;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return "an address in " + header + ": address, local, domain, name; contains/equals/glob/regex/in-list";
    }

    @Override
    public Condition compile(ConfigNode config, CompileContext context) throws ConfigException {
        List<Part> parts = new ArrayList<>();
        if (config.isScalar() || config.isList()) {
            TextMatcher m = Matchers.compile(config, "contains", name);
            parts.add(new Part("address or name", m, a -> a.address() + "\u0000" + a.name()));
        } else {
            var map = config.asMap(name + " tests");
            List<String> allowed = new ArrayList<>(PARTS);
            allowed.addAll(Matchers.KINDS);
            allowed.add("case-sensitive");
            config.checkKeys(name, allowed);
            boolean cs = config.get("case-sensitive") != null && config.get("case-sensitive").asBoolean("case-sensitive");
            for (var e : map.entrySet()) {
                String key = e.getKey();
                ConfigNode v = e.getValue();
                switch (key) {
                    case "address" -> parts.add(new Part("address", Matchers.compile(v, "equals", name + ".address"), Address::address));
                    case "local" -> parts.add(new Part("local part", Matchers.compile(v, "equals", name + ".local"), Address::local));
                    case "domain" -> parts.add(new Part("domain", domainMatcher(v), Address::domain));
                    case "name" -> parts.add(new Part("name", Matchers.compile(v, "contains", name + ".name"), Address::name));
                    case "in-list" -> parts.add(new Part("address", AddressList.compile(v), Address::address));
                    case "case-sensitive" -> { }
                    default -> parts.add(new Part("address", Matchers.of(key, v, cs, name), Address::address));
                }
            }
            if (parts.isEmpty()) {
                throw config.error(name + " needs a test: one of " + String.join(", ", allowed));
            }
        }
        return new Compiled(List.copyOf(parts));
    }

    private TextMatcher domainMatcher(ConfigNode v) throws ConfigException {
        if (v.isMap()) {
            return Matchers.compile(v, "equals", name + ".domain");
        }
        return AddressList.domains(v);
    }

    private record Part(String label, TextMatcher matcher, Function<Address, String> value) {
        boolean test(Address a, Facts f) {
            return matcher.test(value.apply(a), f);
        }
    }

    private final class Compiled implements Condition {
        private final List<Part> parts;

        Compiled(List<Part> parts) {
            this.parts = parts;
        }

        @Override
        public boolean test(Facts facts) {
            return find(facts) != null;
        }

        @Override
        public boolean needsBody() {
            return false;
        }

        private Address find(Facts facts) {
            for (Address a : pick.apply(facts.message())) {
                boolean all = true;
                for (Part p : parts) {
                    if (!p.test(a, facts)) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    return a;
                }
            }
            return null;
        }

        @Override
        public String explain(Facts facts) {
            Address a = find(facts);
            StringBuilder sb = new StringBuilder(name).append(' ');
            for (int i = 0; i < parts.size(); i++) {
                sb.append(i == 0 ? "" : " and ").append(parts.get(i).label()).append(' ')
                        .append(parts.get(i).matcher().describe());
            }
            return sb.append(" (").append(a).append(')').toString();
        }
    }
}
