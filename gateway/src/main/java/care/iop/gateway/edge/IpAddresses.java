package care.iop.gateway.edge;

import java.util.ArrayList;
import java.util.List;

import io.netty.util.NetUtil;

/**
 * IP address literals and ranges, parsed without ever resolving a host name: {@code 10.0.0.0/8},
 * {@code 2001:db8::/32}, a single address ({@code 127.0.0.1}, {@code ::1}). An IPv4-mapped IPv6 address
 * ({@code ::ffff:10.1.2.3}) counts as the IPv4 address it carries.
 */
final class IpAddresses {

    private IpAddresses() {
    }

    /**
     * The bytes of an address literal (4 or 16), or null when {@code text} is not one. Accepts the forms
     * found in {@code X-Forwarded-For}: brackets around IPv6 ({@code [::1]}), a port ({@code 1.2.3.4:5678},
     * {@code [::1]:5678}) and a zone ({@code fe80::1%eth0}), all ignored.
     */
    static byte[] parse(String text) {
        if (text == null) {
            return null;
        }
        String literal = text.trim();
        if (literal.startsWith("[")) {
            int close = literal.indexOf(']');
            if (close < 0) {
                return null;
            }
            literal = literal.substring(1, close);
        } else if (literal.indexOf(':') > 0 && literal.indexOf(':') == literal.lastIndexOf(':')) {
            literal = literal.substring(0, literal.indexOf(':')); // IPv4 with a port
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.isEmpty() || literal.length() > 45) {
            return null;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        return bytes == null ? null : unmapped(bytes);
    }

    /** The canonical text of an address (IPv6 compressed, IPv4-mapped as IPv4). */
    static String format(byte[] address) {
        return NetUtil.bytesToIpAddress(address);
    }

    /**
     * The rate-limit key of a client address: an IPv4 address itself; an IPv6 address by its /64 prefix,
     * the smallest block a provider hands one subscriber (a client picks freely among its 2^64 addresses).
     * Text that is not an address is kept as it is (it came from the connection, not from a header).
     */
    static String clientKey(String address) {
        byte[] bytes = parse(address);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 4) {
            return format(bytes);
        }
        byte[] prefix = new byte[16];
        System.arraycopy(bytes, 0, prefix, 0, 8);
        return format(prefix) + "/64";
    }

    private static byte[] unmapped(byte[] bytes) {
        if (bytes.length != 16) {
            return bytes;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return bytes;
            }
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return bytes;
        }
        return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
    }

    /** A set of address ranges, e.g. the trusted proxies. */
    record Ranges(List<Range> ranges) {

        /**
         * @param specs CIDR blocks or single addresses; host names are refused (they would need a DNS lookup per request)
         * @throws IllegalArgumentException naming the entry that is neither
         */
        static Ranges parse(List<String> specs) {
            List<Range> ranges = new ArrayList<>();
            for (String spec : specs) {
                if (!spec.isBlank()) {
                    ranges.add(Range.parse(spec.trim()));
                }
            }
            return new Ranges(List.copyOf(ranges));
        }

        boolean contains(byte[] address) {
            if (address == null) {
                return false;
            }
            for (Range range : ranges) {
                if (range.contains(address)) {
                    return true;
                }
            }
            return false;
        }

        boolean isEmpty() {
            return ranges.isEmpty();
        }
    }

    /** One CIDR block. */
    record Range(byte[] network, int prefix) {

        static Range parse(String spec) {
            int slash = spec.indexOf('/');
            String address = slash < 0 ? spec : spec.substring(0, slash);
            byte[] network = address.contains(":") || address.matches("[0-9.]+") ? IpAddresses.parse(address) : null;
            if (network == null) {
                throw new IllegalArgumentException("'" + spec + "' is not an IP address or CIDR block (host names are not accepted)");
            }
            int bits = network.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(spec.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                // an IPv4-mapped block (::ffff:10.0.0.0/104) is the IPv4 block it maps
                if (network.length == 4 && address.contains(":")) {
                    prefix -= 96;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("'" + spec + "' has a prefix length outside 0-" + bits);
                }
            }
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
