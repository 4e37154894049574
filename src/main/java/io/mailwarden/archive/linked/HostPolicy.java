package io.mailwarden.archive.linked;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which hosts mailwarden may fetch linked files from; mail content never chooses an arbitrary host. A link
 * in a message, every redirect it leads to and the file link found on its download page are each checked
 * here before anything is sent to them.
 *
 * @param domains lower-case domain names; a domain allows itself and all its subdomains
 */
public record HostPolicy(List<String> domains) {

    public HostPolicy {
        domains = domains.stream().map(HostPolicy::normalize).toList();
        for (String domain : domains) {
            if (domain.isEmpty()) {
                throw new IllegalArgumentException("a linked-file host domain is blank");
            }
        }
    }

    /**
     * true when host equals one of the domains or is a subdomain of one ("qq.com" allows
     * "sh-ctfs.ftn.qq.com", not "evilqq.com"). Case-insensitive.
     */
    public boolean allows(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = normalize(host);
        return domains.stream().anyMatch(domain -> name.equals(domain) || name.endsWith("." + domain));
    }

    public static HostPolicy of(String... domains) {
        return new HostPolicy(Arrays.asList(domains));
    }

    // "QQ.com." and ".qq.com" name the same domain as "qq.com"
    private static String normalize(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        int start = lower.startsWith(".") ? 1 : 0;
        int end = lower.endsWith(".") ? lower.length() - 1 : lower.length();
        return start >= end ? "" : lower.substring(start, end);
    }
}
