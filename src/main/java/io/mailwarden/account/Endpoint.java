package io.mailwarden.account;

/** A server address with its TLS mode. */
public record Endpoint(String host, int port, TlsMode tls) {

    @Override
    public String toString() {
        return host + ":" + port + " (" + tls.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
