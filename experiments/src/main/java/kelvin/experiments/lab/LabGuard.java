package kelvin.experiments.lab;

import com.sun.net.httpserver.HttpExchange;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may drive the lab. A request must name one of the lab's own addresses in its Host header
 * (so a DNS-rebinding page, whose Host is its own name, is refused), carry no foreign Origin (so
 * another web page cannot post to it), and hold the access token, in the query of the first visit
 * or in the cookie that visit sets. Refusals are 403 with one line of text.
 */
final class LabGuard {
    /** The cookie that carries the token after the first visit. */
    static final String COOKIE = "kelvin_lab_token";

    private final byte[] token;
    private final Set<String> hosts;

    /**
     * The guard of a lab listening on {@code host}:{@code port}.
     *
     * @param token the access token
     * @param host the address the server is bound to, as the user gave it
     * @param port the port it listens on
     */
    LabGuard(String token, String host, int port) {
        this.token = token.getBytes(StandardCharsets.US_ASCII);
        this.hosts = new TreeSet<>();
        List<String> names = new ArrayList<>(List.of("127.0.0.1", "localhost", "[::1]", literal(host)));
        if (everyAddress(host)) {
            // another machine names this one by one of its addresses; a rebinding page names its own domain
            names.addAll(addresses());
        }
        for (String h : names) {
            hosts.add(h.toLowerCase(Locale.ROOT) + ":" + port);
        }
    }

    /**
     * Whether {@code host} is the wildcard address (0.0.0.0 or ::), which listens on every address
     * of the machine.
     *
     * @param host an address as the user gave it
     * @return true for the wildcard
     */
    static boolean everyAddress(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            // in brackets a text is parsed as an IPv6 literal only, never looked up in the DNS
            return h.equals("0.0.0.0") || h.indexOf(':') >= 0
                    && InetAddress.getByName("[" + h + "]").isAnyLocalAddress();
        } catch (UnknownHostException notALiteral) {
            return false;
        }
    }

    /**
     * An address as it stands in a URL or Host header: an IPv6 literal in brackets.
     *
     * @param host an address or name
     * @return it, bracketed when it is an IPv6 literal without brackets
     */
    static String literal(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static List<String> addresses() {
        List<String> all = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    String text = a.getHostAddress();
                    int zone = text.indexOf('%');
                    all.add(literal(zone < 0 ? text : text.substring(0, zone)));
                }
            }
        } catch (SocketException noInterfaces) {
            // only the loopback names are admitted
        }
        return all;
    }

    /**
     * Checks the Host and Origin headers.
     *
     * @param exchange the request
     * @throws LabException 403 when either names another site
     */
    void checkSite(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw new LabException(403, "this lab answers only requests addressed to " + String.join(" or ", hosts)
                    + " (the Host header was " + (host == null ? "missing" : "'" + host + "'") + ")");
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            String site = origin.toLowerCase(Locale.ROOT);
            if (!site.startsWith("http://") || !hosts.contains(site.substring("http://".length()))) {
                throw new LabException(403, "requests from another site (" + origin + ") are refused");
            }
        }
    }

    /**
     * Whether the request carries the token, in its query or its cookie.
     *
     * @param queryToken the {@code token} query parameter, or null
     * @param cookieHeader the Cookie header, or null
     * @return true when either matches
     */
    boolean admits(String queryToken, String cookieHeader) {
        return matches(queryToken) || matches(cookie(cookieHeader));
    }

    /**
     * Whether the token was given in the query and matches: the first visit, answered by setting
     * the cookie and sending the browser to the same address without the token.
     *
     * @param queryToken the {@code token} query parameter, or null
     * @return true when it matches
     */
    boolean firstVisit(String queryToken) {
        return matches(queryToken);
    }

    /**
     * The Set-Cookie header of the first visit: sent back only to this lab, never to scripts or
     * from another site.
     *
     * @return the header's value
     */
    String setCookie() {
        return COOKIE + "=" + new String(token, StandardCharsets.US_ASCII) + "; Path=/; HttpOnly; SameSite=Strict";
    }

    private boolean matches(String given) {
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.US_ASCII));
    }

    private static String cookie(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }
}
