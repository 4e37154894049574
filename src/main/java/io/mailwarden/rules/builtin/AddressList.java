package io.mailwarden.rules.builtin;

import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import io.mailwarden.plugin.Facts;
import io.mailwarden.rules.match.TextMatcher;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Lists of addresses and domains: an entry with {@code @} is one address, one without is a domain and its subdomains. */
final class AddressList implements TextMatcher {

    private final Set<String> addresses;
    private final Set<String> domains;
    private final String shown;

    private AddressList(Set<String> addresses, Set<String> domains, String shown) {
        this.addresses = addresses;
        this.domains = domains;
        this.shown = shown;
    }

    static AddressList compile(ConfigNode node) throws ConfigException {
        Set<String> addresses = new HashSet<>();
        Set<String> domains = new HashSet<>();
        List<ConfigNode> items = node.asList("addresses and domains");
        if (items.isEmpty()) {
            throw node.error("in-list: the list is empty");
        }
        for (ConfigNode item : items) {
            String s = item.asNonBlank("an address or domain").strip().toLowerCase(Locale.ROOT);
            if (s.startsWith("@")) {
                s = s.substring(1);
            }
            (s.contains("@") ? addresses : domains).add(s);
        }
        return new AddressList(addresses, domains, "in-list " + node.toPlain());
    }

    static AddressList domains(ConfigNode node) throws ConfigException {
        Set<String> domains = new HashSet<>();
        for (ConfigNode item : node.asList("domains")) {
            String d = item.asNonBlank("a domain").strip().toLowerCase(Locale.ROOT);
            if (d.contains("@")) {
                throw item.error("'" + d + "' is an address, not a domain: use address: instead of domain:");
            }
            domains.add(d.startsWith("@") ? d.substring(1) : d);
        }
        return new AddressList(Set.of(), domains, "is " + String.join(" or ", domains) + " (or a subdomain)");
    }

    @Override
    public boolean test(String value, Facts facts) {
        String v = facts != null ? facts.lower(value) : value.toLowerCase(Locale.ROOT);
        if (addresses.contains(v)) {
            return true;
        }
        int at = v.lastIndexOf('@');
        String domain = at < 0 ? v : v.substring(at + 1);
        while (!domain.isEmpty()) {
            if (domains.contains(domain)) {
                return true;
            }
            int dot = domain.indexOf('.');
            domain = dot < 0 ? "" : domain.substring(dot + 1);
        }
        return false;
    }

    @Override
    public String describe() {
        return shown;
    }
}
