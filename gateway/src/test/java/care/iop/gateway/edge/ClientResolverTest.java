package care.iop.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientResolverTest {
    private final ClientResolver trustingIngress = new ClientResolver(List.of("10.42.0.0/16", "fd00::/8"));
    private final ClientResolver trustingNobody = new ClientResolver(List.of());

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() {
        Client client = trustingNobody.resolve("10.42.0.7", "http", "gateway:8080", List.of("203.0.113.7"), List.of("https"),
                List.of("api.iop.example"));

        assertThat(client).isEqualTo(new Client("10.42.0.7", "http", "gateway:8080"));
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        Client client = trustingIngress.resolve("198.51.100.20", "http", "gateway:8080", List.of("203.0.113.7"), List.of("https"),
                List.of("api.iop.example"));

        assertThat(client).isEqualTo(new Client("198.51.100.20", "http", "gateway:8080"));
    }

    @Test
    void aTrustedProxyTellsTheClientSchemeAndHost() {
        Client client = trustingIngress.resolve("10.42.0.7", "http", "gateway:8080", List.of("203.0.113.7"), List.of("https"),
                List.of("api.iop.example"));

        assertThat(client).isEqualTo(new Client("203.0.113.7", "https", "api.iop.example"));
    }

    @Test
    void theRightMostAddressThatIsNotATrustedProxyIsTheClient() {
        // the client wrote "1.2.3.4, 10.42.9.9"; the ingress appended the address it saw; a second proxy hop inside
        Client client = trustingIngress.resolve("10.42.0.7", "http", null, List.of("1.2.3.4, 10.42.9.9, 203.0.113.7", "10.42.0.8"),
                List.of(), List.of());

        assertThat(client.address()).isEqualTo("203.0.113.7");
    }

    @Test
    void garbageInTheHeaderStopsTheWalk() {
        assertThat(trustingIngress.resolve("10.42.0.7", "http", null, List.of("unknown, 10.42.0.9"), List.of(), List.of()).address())
                .isEqualTo("10.42.0.9");
        assertThat(trustingIngress.resolve("10.42.0.7", "http", null, List.of("evil.example"), List.of(), List.of()).address())
                .isEqualTo("10.42.0.7");
    }

    @Test
    void addressesWithPortsBracketsAndMappedFormsAreUnderstood() {
        assertThat(trustingIngress.resolve("::ffff:10.42.0.7", "http", null, List.of("[2001:db8::1]:4711"), List.of(), List.of()).address())
                .isEqualTo("2001:db8::1");
        assertThat(trustingIngress.resolve("fd00::5", "http", null, List.of("203.0.113.7:5555"), List.of(), List.of()).address())
                .isEqualTo("203.0.113.7");
    }

    @Test
    void aSchemeOrHostThatIsNotOneIsIgnored() {
        Client client = trustingIngress.resolve("10.42.0.7", "http", "gateway:8080", List.of(), List.of("javascript"),
                List.of("evil.example/path?x"));

        assertThat(client).isEqualTo(new Client("10.42.0.7", "http", "gateway:8080"));
    }

    @Test
    void ipv6ClientsAreLimitedByTheirSlash64() {
        assertThat(IpAddresses.clientKey("2001:db8:1:2:aaaa::1")).isEqualTo(IpAddresses.clientKey("2001:db8:1:2:bbbb::2"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(IpAddresses.clientKey("2001:db8:1:3::1")).isNotEqualTo(IpAddresses.clientKey("2001:db8:1:2::1"));
        assertThat(IpAddresses.clientKey("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void hostNamesAndBadBlocksAreRefusedAtStartup() {
        assertThatThrownBy(() -> new ClientResolver(List.of("ingress-nginx.example"))).hasMessageContaining("host names are not accepted");
        assertThatThrownBy(() -> new ClientResolver(List.of("10.0.0.0/33"))).hasMessageContaining("prefix length");
    }

    @Test
    void cidrBlocksMatchOnTheirPrefix() {
        IpAddresses.Ranges ranges = IpAddresses.Ranges.parse(List.of("10.42.0.0/15", "127.0.0.1"));
        assertThat(ranges.contains(IpAddresses.parse("10.43.255.255"))).isTrue();
        assertThat(ranges.contains(IpAddresses.parse("10.44.0.0"))).isFalse();
        assertThat(ranges.contains(IpAddresses.parse("127.0.0.1"))).isTrue();
        assertThat(ranges.contains(IpAddresses.parse("127.0.0.2"))).isFalse();
        assertThat(ranges.contains(IpAddresses.parse("::ffff:10.42.1.1"))).isTrue();
    }
}
