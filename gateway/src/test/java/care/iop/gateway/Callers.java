package care.iop.gateway;

import static io.restassured.RestAssured.given;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

import care.iop.testing.TestTokens;

/** Authorization headers for tests, and requests from a chosen client address. */
public final class Callers {
    /** The test profile's trusted proxy ({@code %test.iop.gateway.trusted-proxies}): the tests' "ingress". */
    public static final String TRUSTED_PROXY = "127.0.0.2";
    private static final Map<String, RestAssuredConfig> CONFIGS = new ConcurrentHashMap<>();

    private Callers() {
    }

    /** A token for a new subject each time, so one test's calls never count against another's rate limit. */
    public static String bearer(String role) {
        return "Bearer " + TestTokens.mint(role, role + "-" + UUID.randomUUID(), null);
    }

    /**
     * A request from the loopback address {@code address} (127.0.0.x; RestAssured's default is 127.0.0.1),
     * so a test has a client address, and so a rate-limit bucket, of its own.
     */
    public static RequestSpecification from(String address) {
        return given().config(CONFIGS.computeIfAbsent(address, Callers::bound));
    }

    private static RestAssuredConfig bound(String address) {
        try {
            InetAddress local = InetAddress.getByName(address);
            // one client (and its kept-alive connections) per address
            return RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.route.local-address", local).reuseHttpClientInstance());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
