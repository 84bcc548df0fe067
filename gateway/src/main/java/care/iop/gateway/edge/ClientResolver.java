package care.iop.gateway.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.GatewayConfig;

/**
 * Tells who the client of a request is ({@link Client}). The forwarding headers {@code X-Forwarded-For},
 * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} are believed only when the connection comes from
 * a trusted proxy ({@code iop.gateway.trusted-proxies}, CIDR blocks; empty by default: nobody is). From
 * anyone else they are ignored, so a client cannot choose the address it is rate-limited as.
 * <p>
 * The client address is the right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy:
 * a proxy that appends to a header the client sent ({@code "spoofed, real"}) still yields the real one.
 * The scheme and host are the last values of their headers (written by the nearest proxy); a scheme other
 * than http/https or a malformed host is ignored. Quarkus' own {@code quarkus.http.proxy.*} handling is not
 * used here: it trusts every peer unless a list is given and takes the left-most, client-written entry.
 */
@ApplicationScoped
public class ClientResolver {
    private static final String KEY = "iop.client";
    private static final String PREFIX_KEY = "iop.clientPrefix";
    /** Up to ten path segments of unreserved characters, none of them a dot segment. */
    private static final Pattern PREFIX = Pattern.compile("(/(?!\\.\\.?(/|$))[A-Za-z0-9._~\\-]{1,100}){1,10}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:[0-9]{1,5})?");

    @Inject
    GatewayConfig config;

    private IpAddresses.Ranges trusted;

    public ClientResolver() {
    }

    ClientResolver(List<String> trustedProxies) {
        this.trusted = IpAddresses.Ranges.parse(trustedProxies);
    }

    @PostConstruct
    void init() {
        trusted = IpAddresses.Ranges.parse(config.trustedProxies().orElse(List.of()));
    }

    /** The client of this request (computed once per request). */
    public Client client(RoutingContext ctx) {
        Client client = ctx.get(KEY);
        if (client == null) {
            client = resolve(ctx.request());
            ctx.put(KEY, client);
        }
        return client;
    }

    /**
     * States the client to a service: {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} (replacing any given), and
     * {@code X-Forwarded-Prefix} when a trusted proxy serves the gateway under a path (so FHIR links name it).
     */
    public void forwardTo(RoutingContext ctx, MultiMap headers) {
        Client client = client(ctx);
        headers.set("X-Forwarded-For", client.address());
        headers.set("X-Forwarded-Proto", client.scheme());
        if (client.host() != null) {
            headers.set("X-Forwarded-Host", client.host());
        } else {
            headers.remove("X-Forwarded-Host");
        }
        String prefix = prefix(ctx);
        if (prefix.isEmpty()) {
            headers.remove("X-Forwarded-Prefix");
        } else {
            headers.set("X-Forwarded-Prefix", prefix);
        }
    }

    /**
     * The path a trusted proxy serves the gateway under ({@code X-Forwarded-Prefix}, its last value, e.g. {@code /iop}), or
     * "" (served at the root; from anyone else the header is ignored, as are malformed values).
     */
    public String prefix(RoutingContext ctx) {
        String prefix = ctx.get(PREFIX_KEY);
        if (prefix == null) {
            HttpServerRequest request = ctx.request();
            SocketAddress peer = request.connection() != null ? request.connection().remoteAddress() : request.remoteAddress();
            byte[] peerBytes = peer == null || peer.hostAddress() == null ? null : IpAddresses.parse(peer.hostAddress());
            String given = trusted.contains(peerBytes) ? last(request.headers().getAll("X-Forwarded-Prefix")) : null;
            prefix = given != null && PREFIX.matcher(given).matches() ? given : "";
            ctx.put(PREFIX_KEY, prefix);
        }
        return prefix;
    }

    Client resolve(HttpServerRequest request) {
        // the connection's own peer: never rewritten by forwarding headers
        SocketAddress peer = request.connection() != null ? request.connection().remoteAddress() : request.remoteAddress();
        String peerAddress = peer == null || peer.hostAddress() == null ? "unknown" : peer.hostAddress();
        String scheme = request.isSSL() ? "https" : "http";
        String host = request.authority() != null ? request.authority().toString() : null;
        return resolve(peerAddress, scheme, host, request.headers().getAll("X-Forwarded-For"),
                request.headers().getAll("X-Forwarded-Proto"), request.headers().getAll("X-Forwarded-Host"));
    }

    /** Pure resolution, for tests: the peer and what the request says about the client. */
    Client resolve(String peer, String scheme, String host, List<String> forwardedFor, List<String> forwardedProto,
            List<String> forwardedHost) {
        byte[] peerBytes = IpAddresses.parse(peer);
        String peerText = peerBytes != null ? IpAddresses.format(peerBytes) : peer;
        if (!trusted.contains(peerBytes)) {
            return new Client(peerText, scheme, host);
        }
        String proto = last(forwardedProto);
        String forwardedHostValue = last(forwardedHost);
        return new Client(clientBehind(peerText, forwardedFor),
                "http".equalsIgnoreCase(proto) || "https".equalsIgnoreCase(proto) ? proto.toLowerCase() : scheme,
                forwardedHostValue != null && HOST.matcher(forwardedHostValue).matches() ? forwardedHostValue : host);
    }

    /** Walks X-Forwarded-For from the right past trusted proxies; the first other address is the client. */
    private String clientBehind(String peer, List<String> forwardedFor) {
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] hop = IpAddresses.parse(hops.get(i));
            if (hop == null) {
                break; // not an address: nothing left of it can be relied on
            }
            client = IpAddresses.format(hop);
            if (!trusted.contains(hop)) {
                break;
            }
        }
        return client;
    }

    private static String last(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        String header = values.get(values.size() - 1);
        String value = header.substring(header.lastIndexOf(',') + 1).trim();
        return value.isEmpty() ? null : value;
    }
}
